import "server-only";
import { createApiContext } from "./context";
import { appRouter } from "./root";
import { createCallerFactory } from "./trpc";

const createCaller = createCallerFactory(appRouter);

/**
 * The API as server components call it: the same procedures, permission gates and errors as
 * over HTTP, with the request's own cookies.
 */
export async function serverCaller(headers: Headers) {
  return createCaller(await createApiContext({ headers }));
}
