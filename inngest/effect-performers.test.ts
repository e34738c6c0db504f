import { describe, expect, it } from "vitest";
import { EFFECT_KINDS } from "@/server/jobs/outbox/outbox-effect";
import { EFFECT_PERFORMERS } from "./job-registry";

describe("the outbox's performers", () => {
  it("cover every effect kind, since the dispatcher only picks kinds it can perform", () => {
    expect(Object.keys(EFFECT_PERFORMERS).sort()).toEqual([...EFFECT_KINDS].sort());
  });
});
