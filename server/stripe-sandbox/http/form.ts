/** Parameters as Stripe reads them: nested objects and arrays of strings. */
export type Params = { [key: string]: ParamValue };
export type ParamValue = string | ParamValue[] | Params;

/** Splits `a[b][0][c]` into ["a", "b", "0", "c"]; `a[]` gives an empty segment (append). */
function keyPath(key: string): string[] {
  const open = key.indexOf("[");
  if (open === -1) return [key];
  const parts = [key.slice(0, open)];
  const re = /\[([^\]]*)\]/g;
  let match: RegExpExecArray | null = re.exec(key);
  while (match) {
    parts.push(match[1] ?? "");
    match = re.exec(key);
  }
  return parts;
}

type Node = Map<string, Node | string>;

function insert(root: Node, path: string[], value: string): void {
  let node = root;
  for (let i = 0; i < path.length; i++) {
    let segment = path[i]!;
    if (segment === "") segment = String(node.size);
    if (i === path.length - 1) {
      node.set(segment, value);
      return;
    }
    let child = node.get(segment);
    if (typeof child !== "object") {
      child = new Map();
      node.set(segment, child);
    }
    node = child;
  }
}

/** A map whose keys are 0..n-1 was an array in the SDK's `arr[0]=…` encoding. */
function toValue(node: Node | string): ParamValue {
  if (typeof node === "string") return node;
  const keys = [...node.keys()];
  const isArray = keys.length > 0 && keys.every((key, index) => key === String(index));
  if (isArray) return keys.map((key) => toValue(node.get(key)!));
  const out: Params = {};
  for (const [key, child] of node) out[key] = toValue(child);
  return out;
}

export function parseForm(text: string): Params {
  const root: Node = new Map();
  for (const [key, value] of new URLSearchParams(text)) insert(root, keyPath(key), value);
  return toValue(root) as Params;
}
