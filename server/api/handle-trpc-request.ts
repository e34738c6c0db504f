import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { requestIdFrom } from "../observability/client-error";
import { retryAfterOf } from "../security/enforce-rate-limit";
import { TRPC_MAX_BATCH_SIZE } from "./batch-size";
import { createApiContext } from "./context";
import { appRouter } from "./root";

/** `/api/trpc/*` over HTTP: the real router with the request's session; the id is echoed back. */
export async function handleTrpcRequest(request: Request): Promise<Response> {
  const requestId = requestIdFrom(request.headers);
  const response = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: appRouter,
    maxBatchSize: TRPC_MAX_BATCH_SIZE,
    createContext: () => createApiContext({ headers: request.headers, requestId }),
    // A call refused by a rate limit says when to come back.
    responseMeta({ errors }) {
      const retryAfter = errors.map(retryAfterOf).find((seconds) => seconds !== undefined);
      return retryAfter === undefined ? {} : { headers: new Headers({ "retry-after": String(retryAfter) }) };
    },
  });
  response.headers.set("x-request-id", requestId);
  return response;
}
