/** What velocity is counted per: Radar's email, IP address and card number (the card's fingerprint). */
export type VelocitySubjectKind = "email" | "ip_address" | "card_number";
export type VelocitySubject = { kind: VelocitySubjectKind; value: string };
/** Every checkout attempt counts as an attempt; a declined or failed payment also as a decline. */
export type VelocityEventKind = "attempt" | "decline";

export type VelocityCounts = { attemptsHour: number; attemptsDay: number; declinesHour: number; declinesDay: number };

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/**
 * Sliding-window counters. `counts` reports what happened strictly before `at` within the last
 * hour and day; `record` adds one event at `at`; `countAndRecord` does both in one round trip
 * (a checkout's decision: the counts it answers are those before this event). Both stores
 * (Redis, PostgreSQL) keep the same contract and run the same tests.
 */
export interface VelocityStore {
  readonly name: "redis" | "postgres";
  record(subjects: readonly VelocitySubject[], kind: VelocityEventKind, at: Date): Promise<void>;
  counts(subjects: readonly VelocitySubject[], at: Date): Promise<Map<string, VelocityCounts>>;
  countAndRecord(
    subjects: readonly VelocitySubject[],
    kind: VelocityEventKind,
    at: Date,
  ): Promise<Map<string, VelocityCounts>>;
}

export function subjectKey(subject: VelocitySubject): string {
  return `${subject.kind}:${subject.value.trim().toLowerCase()}`;
}

export const NO_COUNTS: VelocityCounts = { attemptsHour: 0, attemptsDay: 0, declinesHour: 0, declinesDay: 0 };
