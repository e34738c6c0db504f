import { AppError } from "../errors";

type Integer = number | bigint;

function toBigInt(value: Integer, what: string): bigint {
  if (typeof value === "bigint") return value;
  if (!Number.isSafeInteger(value)) throw new AppError("BAD_REQUEST", `${what} must be a whole number, got ${value}`);
  return BigInt(value);
}

/**
 * Splits an amount in minor units across lines in proportion to integer weights (for example a
 * partial refund across order lines weighted by their totals), by the largest-remainder method:
 * every line gets the floor of its exact share, and the units left over go one each to the lines
 * with the largest remainders (earlier lines first on ties). The shares always sum to the amount,
 * each is within one minor unit of its exact proportion, and a zero weight always gets zero.
 * Products are taken in BigInt, so large amounts and weights never lose precision.
 * Negative amounts are split as their absolute value and negated.
 */
export function allocate(amountMinor: number, weights: readonly Integer[]): number[];
export function allocate(amountMinor: bigint, weights: readonly Integer[]): bigint[];
export function allocate(amountMinor: Integer, weights: readonly Integer[]): number[] | bigint[] {
  const amount = toBigInt(amountMinor, "The amount");
  if (weights.length === 0) throw new AppError("BAD_REQUEST", "Cannot allocate an amount across no lines");
  const bigWeights = weights.map((weight, index) => {
    const value = toBigInt(weight, `Weight ${index}`);
    if (value < 0n) throw new AppError("BAD_REQUEST", `Weight ${index} must not be negative`);
    return value;
  });
  const total = bigWeights.reduce((sum, weight) => sum + weight, 0n);
  if (total === 0n && amount !== 0n) {
    throw new AppError("BAD_REQUEST", "Cannot allocate a non-zero amount when every weight is zero");
  }

  const magnitude = amount < 0n ? -amount : amount;
  const shares = bigWeights.map((weight) => (total === 0n ? 0n : (magnitude * weight) / total));
  const remainders = bigWeights.map((weight) => (total === 0n ? 0n : (magnitude * weight) % total));
  let leftover = magnitude - shares.reduce((sum, share) => sum + share, 0n);

  // leftover < number of non-zero remainders, so zero weights (remainder 0) never receive a unit.
  const order = remainders
    .map((remainder, index) => ({ remainder, index }))
    .filter(({ remainder }) => remainder > 0n)
    .sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  for (const { index } of order) {
    if (leftover === 0n) break;
    shares[index] = shares[index]! + 1n;
    leftover -= 1n;
  }

  const signed = amount < 0n ? shares.map((share) => -share) : shares;
  if (typeof amountMinor === "bigint") return signed;
  return signed.map((share) => (share === 0n ? 0 : Number(share)));
}
