import { invalidParam, missingParam } from "./errors";
import type { Params, ParamValue } from "./form";

export function optionalString(params: Params, name: string): string | undefined {
  const value = params[name];
  if (value === undefined) return undefined;
  if (typeof value !== "string") throw invalidParam(name, `Invalid string: ${name} must be a string.`);
  return value;
}

export function requiredString(params: Params, name: string): string {
  const value = optionalString(params, name);
  if (value === undefined || value === "") throw missingParam(name);
  return value;
}

export function optionalInteger(params: Params, name: string, min = 0): number | undefined {
  const value = optionalString(params, name);
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value)) throw invalidParam(name, `Invalid integer: ${value}`);
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed) || parsed < min) {
    throw invalidParam(name, `Invalid ${name}: must be an integer of at least ${min}.`);
  }
  return parsed;
}

export function requiredInteger(params: Params, name: string, min = 0): number {
  const value = optionalInteger(params, name, min);
  if (value === undefined) throw missingParam(name);
  return value;
}

export function optionalBoolean(params: Params, name: string): boolean | undefined {
  const value = optionalString(params, name);
  if (value === undefined) return undefined;
  if (value === "true") return true;
  if (value === "false") return false;
  throw invalidParam(name, `Invalid boolean: ${value}`);
}

export function optionalEnum<T extends string>(params: Params, name: string, allowed: readonly T[]): T | undefined {
  const value = optionalString(params, name);
  if (value === undefined) return undefined;
  if (!allowed.includes(value as T)) {
    throw invalidParam(name, `Invalid ${name}: must be one of ${allowed.join(", ")}`);
  }
  return value as T;
}

export function optionalObject(params: Params, name: string): Params | undefined {
  const value = params[name];
  if (value === undefined || value === "") return undefined;
  if (typeof value !== "object" || Array.isArray(value)) {
    throw invalidParam(name, `Invalid object: ${name} must be a hash.`);
  }
  return value;
}

export function optionalStringArray(params: Params, name: string): string[] | undefined {
  const value = params[name];
  if (value === undefined) return undefined;
  const list: ParamValue[] = Array.isArray(value) ? value : [value];
  if (!list.every((item) => typeof item === "string")) {
    throw invalidParam(name, `Invalid array: ${name} must be a list of strings.`);
  }
  return list as string[];
}

export function optionalCurrency(params: Params, name: string): string | undefined {
  const value = optionalString(params, name)?.toLowerCase();
  if (value !== undefined && !/^[a-z]{3}$/.test(value)) {
    throw invalidParam(name, `Invalid currency: ${value}. Stripe currencies are three-letter ISO codes.`);
  }
  return value;
}

/**
 * Applies Stripe's metadata rules: up to 50 keys of 40 characters, values of 500, all strings;
 * an empty value unsets a key and `metadata=""` clears everything.
 */
export function applyMetadata(current: Record<string, string>, params: Params): Record<string, string> {
  const value = params.metadata;
  if (value === undefined) return current;
  if (value === "") return {};
  if (typeof value !== "object" || Array.isArray(value)) {
    throw invalidParam("metadata", "Invalid metadata: must be a hash of string keys and values.");
  }
  const next = { ...current };
  for (const [key, entry] of Object.entries(value)) {
    if (typeof entry !== "string") throw invalidParam(`metadata[${key}]`, "Metadata values must be strings.");
    if (key.length > 40) throw invalidParam(`metadata[${key}]`, "Metadata keys can be at most 40 characters.");
    if (entry.length > 500) throw invalidParam(`metadata[${key}]`, "Metadata values can be at most 500 characters.");
    if (entry === "") delete next[key];
    else next[key] = entry;
  }
  if (Object.keys(next).length > 50) throw invalidParam("metadata", "Metadata can have at most 50 keys.");
  return next;
}
