import { clone } from "../core/sandbox";
import { findById, type SandboxState } from "../core/state";
import { invalidParam } from "../http/errors";
import type { Params } from "../http/form";
import { optionalStringArray } from "../http/params";

type Json = Record<string, unknown>;

function expandPath(state: SandboxState, target: unknown, path: string[], full: string): void {
  if (target === null || typeof target !== "object") return;
  const [head, ...rest] = path;
  if (head === undefined) return;
  const node = target as Json;
  // `data.x` on a list applies to every item.
  if (head === "data" && Array.isArray(node.data)) {
    for (const item of node.data) expandPath(state, item, rest, full);
    return;
  }
  if (!(head in node)) throw invalidParam("expand", `This property cannot be expanded (${full}).`);
  let value = node[head];
  if (typeof value === "string") {
    const found = findById(state, value);
    if (!found) return;
    value = clone(found);
    node[head] = value;
  }
  if (rest.length > 0) expandPath(state, value, rest, full);
}

/** Applies `expand[]` to a response: ids named by the paths become the objects they name. */
export function applyExpand(state: SandboxState, body: unknown, query: Params): unknown {
  const paths = optionalStringArray(query, "expand");
  if (!paths || paths.length === 0) return body;
  const copy = clone(body);
  for (const path of paths) expandPath(state, copy, path.split("."), path);
  return copy;
}
