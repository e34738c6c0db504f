import type { PrismaClient } from "../../db/client";
import { type BacktestResult, backtestRule } from "../backtest/backtest-rule";
import { withRuleSyntaxProblem } from "./rule-syntax-problem";

/**
 * The backtest screen's question: a draft rule that cannot be read is a 400 marking the spot, as
 * when adding a rule; otherwise what it would have hit over the last `days` days.
 */
export async function backtestDraftRule(
  prisma: PrismaClient,
  input: { source: string; days: number },
): Promise<BacktestResult> {
  try {
    return await backtestRule(prisma, { ...input, sampleSize: 25 });
  } catch (error) {
    return withRuleSyntaxProblem(input.source, () => {
      throw error;
    });
  }
}
