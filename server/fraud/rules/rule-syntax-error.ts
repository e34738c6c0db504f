import type { SourcePosition } from "./rule-ast";

/**
 * A rule that cannot be read, with where the problem starts. The message names the line and
 * column so a merchant pasting a Radar rule sees which character to fix.
 */
export class RuleSyntaxError extends Error {
  readonly position: SourcePosition;
  readonly problem: string;

  constructor(problem: string, position: SourcePosition) {
    super(`${problem} (line ${position.line}, column ${position.column})`);
    this.name = "RuleSyntaxError";
    this.problem = problem;
    this.position = position;
  }
}

export function positionAt(source: string, offset: number): SourcePosition {
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index < offset && index < source.length; index++) {
    if (source[index] === "\n") {
      line++;
      lineStart = index + 1;
    }
  }
  return { offset, line, column: offset - lineStart + 1 };
}

/** The offending line with a caret under the problem, for a form or a log. */
export function pointAtError(source: string, error: RuleSyntaxError): string {
  const lines = source.split("\n");
  const text = lines[error.position.line - 1] ?? "";
  return `${text}\n${" ".repeat(Math.max(0, error.position.column - 1))}^ ${error.problem}`;
}
