import NextAuth from "next-auth";
import { authOptions } from "@/server/auth/auth-options";
import { isCredentialsSignIn, throttleSignIn } from "@/server/auth/throttle-sign-in";
import { db } from "@/server/db/client";

type RouteContext = { params: Promise<{ nextauth: string[] }> };

async function handler(request: Request, context: RouteContext) {
  if (isCredentialsSignIn(request)) {
    const refused = await throttleSignIn(db(), request);
    if (refused) return refused;
  }
  return NextAuth(request as never, context as never, authOptions());
}

export { handler as GET, handler as POST };
