import fc from "fast-check";

/**
 * What a hostile client sends where PostgreSQL, JavaScript dates or integer columns break: NULs,
 * lone surrogates, numbers beyond int4 and safe integers, dates in year 0 or 275760, tampered
 * keyset cursors, huge and empty strings.
 */
export const poisonString = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .tuple(
        fc.string({ maxLength: 12 }),
        fc.constantFrom("\u0000", "\uD800", "\uDFFF", "\uDBFF\u0000"),
        fc.string({ maxLength: 12 }),
      )
      .map(([head, poison, tail]) => `${head}${poison}${tail}`),
  },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      "0000-01-01",
      "0000-12-31",
      "9999-12-31",
      "275760-09-13",
      "1970-01-01T00:00:00.000Z",
      "not a date",
      "garbage",
      "99999999999",
      "99999999999.99",
      "1e20",
      "-1",
      "NaN",
      "",
      " ",
      "%E0%A4%A",
      "'; DROP TABLE orders; --",
      "00000000-0000-0000-0000-000000000000",
      "------------------------------------",
    ),
  },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ minLength: 300, maxLength: 2_000 }) },
);

export const poisonNumber = fc.oneof(
  fc.constantFrom(0, -1, 1.5, 1e20, -1e20, 2_147_483_648, Number.MAX_SAFE_INTEGER + 2, Number.MAX_VALUE, -0),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

const cursorValue = fc.oneof(poisonNumber, poisonString, fc.constant(null), fc.constant([]));
const cursorId = fc.oneof(fc.uuid(), poisonString);
/** Base64url JSON cursors of every wrong kind, as the keyset code decodes them. */
export const tamperedCursor = fc.oneof(
  fc.tuple(cursorValue, cursorId).map((pair) => Buffer.from(JSON.stringify(pair)).toString("base64url")),
  fc
    .constantFrom(
      [1e20, "1f0e9a4c-58d4-4c1e-9a55-2f0d8a4f1b7e"],
      [1.5, "1f0e9a4c-58d4-4c1e-9a55-2f0d8a4f1b7e"],
      ["not a date", "1f0e9a4c-58d4-4c1e-9a55-2f0d8a4f1b7e"],
      ["garbage", "1f0e9a4c-58d4-4c1e-9a55-2f0d8a4f1b7e"],
      ["0000-01-01T00:00:00.000Z", "1f0e9a4c-58d4-4c1e-9a55-2f0d8a4f1b7e"],
    )
    .map((pair) => Buffer.from(JSON.stringify(pair)).toString("base64url")),
  poisonString,
);

export const poisonValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: poisonString },
  { weight: 2, arbitrary: poisonNumber },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined, true, false, [], {}) },
  { weight: 1, arbitrary: fc.anything({ maxDepth: 2 }) },
);

type ZodDef = {
  type: string;
  shape?: Record<string, { _zod: { def: ZodDef } }>;
  innerType?: { _zod: { def: ZodDef } };
  in?: { _zod: { def: ZodDef } };
  element?: { _zod: { def: ZodDef } };
  entries?: Record<string, string>;
  values?: unknown[];
};

/** The fields an input schema names, nested objects included, read from zod's definition. */
export type InputShape =
  | { kind: "object"; fields: Record<string, InputShape> }
  | { kind: "leaf"; enumValues?: unknown[] };

export function inputShapeOf(schema: { _zod: { def: ZodDef } } | undefined): InputShape {
  if (!schema) return { kind: "leaf" };
  const def = schema._zod.def;
  if (def.type === "object" && def.shape) {
    return {
      kind: "object",
      fields: Object.fromEntries(Object.entries(def.shape).map(([key, inner]) => [key, inputShapeOf(inner)])),
    };
  }
  if (
    (def.type === "optional" || def.type === "default" || def.type === "nullable" || def.type === "prefault") &&
    def.innerType
  ) {
    return inputShapeOf(def.innerType);
  }
  if (def.type === "pipe" && def.in) return inputShapeOf(def.in);
  if (def.type === "enum" && def.entries) return { kind: "leaf", enumValues: Object.values(def.entries) };
  if (def.type === "literal" && def.values) return { kind: "leaf", enumValues: def.values };
  return { kind: "leaf" };
}

/** Every field filled with a value that passes (optional ones sometimes left out unless `full`). */
export function plausibleInput(
  shape: InputShape,
  valid: (key: string) => fc.Arbitrary<unknown>,
  options: { full?: boolean } = {},
  key = "",
): fc.Arbitrary<unknown> {
  if (shape.kind === "leaf") return shape.enumValues ? fc.constantFrom(...shape.enumValues) : valid(key);
  const fields = Object.fromEntries(
    Object.entries(shape.fields).map(([name, inner]) => [name, plausibleInput(inner, valid, options, name)]),
  );
  return options.full ? fc.record(fields) : fc.record(fields, { requiredKeys: [] });
}

/** Every field path a schema names, nested objects and their fields both. */
export function fieldPaths(shape: InputShape, path: string[] = []): string[][] {
  if (shape.kind === "leaf") return path.length ? [path] : [];
  const inner = Object.entries(shape.fields).flatMap(([key, child]) => fieldPaths(child, [...path, key]));
  return path.length ? [path, ...inner] : inner;
}

const cursorOf = (value: unknown) =>
  Buffer.from(JSON.stringify([value, "1f0e9a4c-58d4-4c1e-9a55-2f0d8a4f1b7e"])).toString("base64url");

/** The values every field is tried with, whatever else the random runs bring. */
export function fixedPoisonsFor(path: string[]): unknown[] {
  if (path.at(-1) === "cursor") {
    return [cursorOf(1e20), cursorOf(1.5), cursorOf("not a date"), cursorOf("garbage"), "garbage"];
  }
  return ["a\u0000b", "x\uD800y", "0000-01-01", 1e20, 1.5, { nested: "\u0000" }];
}

function leafPaths(value: unknown, path: string[] = []): string[][] {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return path.length ? [path] : [];
  const inner = Object.entries(value).flatMap(([key, child]) => leafPaths(child, [...path, key]));
  return path.length ? [path, ...inner] : inner;
}

export function replaced(value: unknown, path: string[], poison: unknown): unknown {
  if (path.length === 0) return poison;
  const [head, ...rest] = path as [string, ...string[]];
  return {
    ...(value as Record<string, unknown>),
    [head]: replaced((value as Record<string, unknown>)[head], rest, poison),
  };
}

/**
 * Inputs for one procedure, single-fault: a plausible input (ids that exist, enum members, valid
 * dates) with one field, chosen at random, replaced by poison, so each run tests one hostile value
 * against code that the rest of the input lets it reach. Sometimes the whole input is poison, and
 * sometimes nothing is (the happy path must not fail either). `valid(key)` gives plausible values.
 */
export function inputArbitrary(
  shape: InputShape,
  valid: (key: string) => fc.Arbitrary<unknown>,
): fc.Arbitrary<unknown> {
  const base = plausibleInput(shape, valid);
  const poisonFor = (path: string[]) => (path.at(-1) === "cursor" ? tamperedCursor : poisonValue);
  const singleFault = fc.tuple(base, fc.nat(), fc.nat()).chain(([input, pick]) => {
    const paths = leafPaths(input);
    if (paths.length === 0) return poisonValue;
    const path = paths[pick % paths.length]!;
    return poisonFor(path).map((poison) => replaced(input, path, poison));
  });
  return fc.oneof(
    { weight: 6, arbitrary: singleFault },
    { weight: 1, arbitrary: base },
    { weight: 1, arbitrary: poisonValue },
  );
}
