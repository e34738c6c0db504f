import type { Sandbox } from "../core/sandbox";
import type { Params } from "../http/form";
import type { UploadedPart } from "../http/multipart";

export interface RouteContext {
  sb: Sandbox;
  /** Form body for POST, query for GET and DELETE. */
  params: Params;
  path: string[];
  /** File parts of a multipart/form-data body (the Files API); empty otherwise. */
  files: UploadedPart[];
  /** The request used a publishable key (the browser's card form). */
  publishable: boolean;
  baseUrl: string;
}

export interface Route {
  method: "GET" | "POST" | "DELETE";
  pattern: RegExp;
  handler(ctx: RouteContext): unknown;
  /** Reachable with a publishable key (browser confirm and retrieve). */
  publishable?: boolean;
}

export const ID = "([A-Za-z0-9_]+)";

export function route(method: Route["method"], path: string, handler: Route["handler"], publishable = false): Route {
  return { method, pattern: new RegExp(`^${path.replaceAll(":id", ID)}$`), handler, publishable };
}
