import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { metrics } from "./metrics";

const DIR = path.resolve(import.meta.dirname, "../../ops/prometheus");
const read = (name: string) => readFileSync(path.join(DIR, name), "utf8");

type Rule = { alert: string; expr: string; annotations: Record<string, string> };
type RuleTest = { alert_rule_test?: { alertname: string; exp_alerts: unknown[] }[] };
const rules = (parse(read("alerts.yml")) as { groups: { rules: Rule[] }[] }).groups.flatMap((group) => group.rules);
const cases = (parse(read("alerts.test.yml")) as { tests: RuleTest[] }).tests.flatMap(
  (test) => test.alert_rule_test ?? [],
);

function promtool(args: string[]) {
  const result = spawnSync("promtool", args, { cwd: DIR, encoding: "utf8" });
  if (result.error && (result.error as NodeJS.ErrnoException).code === "ENOENT") {
    throw new Error(
      "promtool is not installed: it ships with Debian's prometheus package (apt-get install prometheus)",
    );
  }
  return result;
}

describe("ops/prometheus/alerts.yml", () => {
  it("is a valid rules file and passes its promtool unit tests", { timeout: 60_000 }, () => {
    const check = promtool(["check", "rules", "alerts.yml"]);
    expect(check.status, check.stdout + check.stderr).toBe(0);
    const test = promtool(["test", "rules", "alerts.test.yml"]);
    expect(test.status, test.stdout + test.stderr).toBe(0);
  });

  it.each(rules.map((rule) => [rule.alert, rule] as const))(
    "%s has a firing case, a quiet case and a runbook",
    (name, rule) => {
      const own = cases.filter((test) => test.alertname === name);
      expect(
        own.some((test) => test.exp_alerts.length > 0),
        "a case where it fires",
      ).toBe(true);
      expect(
        own.some((test) => test.exp_alerts.length === 0),
        "a case where it stays quiet",
      ).toBe(true);
      const anchor = rule.annotations.runbook_url?.split("#")[1];
      expect(read("runbooks.md").split("\n")).toContain(`## ${name}`);
      expect(anchor).toBe(name.toLowerCase());
    },
  );

  it("watches only metrics PayOps exports", async () => {
    const exported = new Set((await metrics().registry.getMetricsAsJSON()).map((metric) => metric.name));
    const used = new Set(rules.flatMap((rule) => rule.expr.match(/payops_[a-z_]+/g) ?? []));
    const unknown = [...used]
      .map((name) => name.replace(/_(bucket|count|sum)$/, ""))
      .filter((name) => !exported.has(name));
    expect(unknown).toEqual([]);
  });
});
