import type { RuleSyntaxProblem } from "@/server/fraud/management/rule-syntax-problem";

type ErrorLike = { message: string; data?: unknown } | null;

/** The position-marked problem the server found in a rule, if that is what went wrong. */
export function ruleSyntaxOf(error: ErrorLike): RuleSyntaxProblem | null {
  const data = error?.data as { ruleSyntax?: RuleSyntaxProblem | null } | undefined;
  return data?.ruleSyntax ?? null;
}

/**
 * Under the rule's text: which line and column cannot be read, and the line with a caret under
 * the spot; any other refusal as its sentence.
 */
export function RuleProblem({ id, error }: { id: string; error: ErrorLike }) {
  if (!error) return null;
  const syntax = ruleSyntaxOf(error);
  return (
    <div id={id} role="alert" className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-950">
      {syntax ? (
        <>
          <p>
            Line {syntax.line}, column {syntax.column}: {syntax.problem}
          </p>
          <pre className="mt-1 overflow-x-auto font-mono text-xs" data-testid="rule-pointer">
            {syntax.pointer}
          </pre>
        </>
      ) : (
        <p>{error.message}</p>
      )}
    </div>
  );
}
