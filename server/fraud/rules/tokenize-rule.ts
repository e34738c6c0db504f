import { MAX_DECIMAL_PLACES } from "./rule-ast";
import { positionAt, RuleSyntaxError } from "./rule-syntax-error";

export type TokenKind =
  | "word"
  | "attribute"
  | "list"
  | "string"
  | "number"
  | "operator"
  | "("
  | ")"
  | "["
  | "]"
  | ","
  | "end";

export type Token = { kind: TokenKind; text: string; offset: number };

const WORD = /[A-Za-z_][A-Za-z0-9_]*|[0-9]+[A-Za-z_][A-Za-z0-9_]*/y;
const NUMBER = /-?[0-9]+(?:\.[0-9]+)?(?![A-Za-z_0-9.])/y;
const NAME = /[a-z0-9_]+/y;
const LIST_NAME = /[A-Za-z0-9_]+/y;
const OPERATORS = ["!=", "<=", ">=", "=", "<", ">", "~"] as const;
const PUNCTUATION = new Set(["(", ")", "[", "]", ","]);

/** Splits a rule into tokens; a character no rule may contain is an error at its position. */
export function tokenizeRule(source: string): Token[] {
  const tokens: Token[] = [];
  let offset = 0;
  const fail = (problem: string, at: number): never => {
    throw new RuleSyntaxError(problem, positionAt(source, at));
  };
  while (offset < source.length) {
    const char = source[offset]!;
    if (/\s/.test(char)) {
      offset++;
      continue;
    }
    if (PUNCTUATION.has(char)) {
      tokens.push({ kind: char as TokenKind, text: char, offset });
      offset++;
      continue;
    }
    if (char === ":") {
      NAME.lastIndex = offset + 1;
      const name = NAME.exec(source);
      if (!name || source[NAME.lastIndex] !== ":") {
        fail("An attribute is written :name: in lowercase letters, digits and _", offset);
      }
      tokens.push({ kind: "attribute", text: name![0], offset });
      offset = NAME.lastIndex + 1;
      continue;
    }
    if (char === "@") {
      LIST_NAME.lastIndex = offset + 1;
      const match = LIST_NAME.exec(source);
      if (!match) fail("A saved list is written @name", offset);
      tokens.push({ kind: "list", text: match![0], offset });
      offset = LIST_NAME.lastIndex;
      continue;
    }
    if (char === "'" || char === '"') {
      const { value, end } = readString(source, offset, fail);
      tokens.push({ kind: "string", text: value, offset });
      offset = end;
      continue;
    }
    NUMBER.lastIndex = offset;
    const number = NUMBER.exec(source);
    if (number) {
      const decimals = number[0].split(".")[1];
      if (decimals && decimals.length > MAX_DECIMAL_PLACES) {
        fail(`A number may have at most ${MAX_DECIMAL_PLACES} decimal places`, offset);
      }
      tokens.push({ kind: "number", text: number[0], offset });
      offset = NUMBER.lastIndex;
      continue;
    }
    WORD.lastIndex = offset;
    const word = WORD.exec(source);
    if (word) {
      tokens.push({ kind: "word", text: word[0], offset });
      offset = WORD.lastIndex;
      continue;
    }
    const operator = OPERATORS.find((candidate) => source.startsWith(candidate, offset));
    if (operator) {
      tokens.push({ kind: "operator", text: operator, offset });
      offset += operator.length;
      continue;
    }
    fail(`Unexpected character ${JSON.stringify(char)}`, offset);
  }
  tokens.push({ kind: "end", text: "", offset: source.length });
  return tokens;
}

/** A quoted string; the quote itself is written twice or escaped with a backslash inside it. */
function readString(
  source: string,
  start: number,
  fail: (problem: string, at: number) => never,
): { value: string; end: number } {
  const quote = source[start]!;
  let value = "";
  let index = start + 1;
  while (index < source.length) {
    const char = source[index]!;
    if (char === "\\" && index + 1 < source.length) {
      value += source[index + 1];
      index += 2;
      continue;
    }
    if (char === quote) {
      if (source[index + 1] === quote) {
        value += quote;
        index += 2;
        continue;
      }
      return { value, end: index + 1 };
    }
    value += char;
    index++;
  }
  return fail("This text has no closing quote", start);
}
