import { TRPCError } from "@trpc/server";
import { notFound } from "next/navigation";

/**
 * A server caller's answer for a page: a malformed or unknown id is the page's 404, as it would
 * be a 400 or 404 over HTTP; anything else is the error page.
 */
export async function orNotFound<T>(answer: Promise<T>): Promise<T> {
  try {
    return await answer;
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  }
}
