import { AppError } from "../../errors";
import { pointAtError, RuleSyntaxError } from "../rules/rule-syntax-error";

/** Where a rule cannot be read, as the rule editor shows it under the text. */
export type RuleSyntaxProblem = { problem: string; line: number; column: number; pointer: string };

/**
 * Runs `work` (parsing or compiling a rule) and turns a RuleSyntaxError into a 400 whose details
 * carry the position and the caret drawing, so the editor can mark the spot inline.
 */
export function withRuleSyntaxProblem<T>(source: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (!(error instanceof RuleSyntaxError)) throw error;
    const ruleSyntax: RuleSyntaxProblem = {
      problem: error.problem,
      line: error.position.line,
      column: error.position.column,
      pointer: pointAtError(source, error),
    };
    throw new AppError("BAD_REQUEST", `This rule cannot be read: ${error.message}`, { ruleSyntax });
  }
}
