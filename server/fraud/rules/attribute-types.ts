/** What a rule may compare an attribute with. */
export type AttributeType = "string" | "number" | "boolean";

/** An attribute's value for one payment: numbers in millionths (see DECIMAL_SCALE); null when unknown. */
export type AttributeValue = string | bigint | boolean | null;

export type AttributeValues = Readonly<Record<string, AttributeValue>>;

/** What the compiler needs to know of an attribute; the full catalogue adds where it comes from. */
export type AttributeShape = { type: AttributeType };
