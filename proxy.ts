import { NextResponse } from "next/server";
import { refuseUndecodablePath } from "./server/observability/refuse-undecodable-path";

/** Runs before routing for every request except static assets. */
export function proxy(request: Request) {
  return refuseUndecodablePath(request.url) ?? NextResponse.next();
}

export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"] };
