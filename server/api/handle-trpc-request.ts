import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { requestIdFrom } from "../observability/client-error";
import { createApiContext } from "./context";
import { appRouter } from "./root";

/** `/api/trpc/*` over HTTP: the real router with the request's session; the id is echoed back. */
export async function handleTrpcRequest(request: Request): Promise<Response> {
  const requestId = requestIdFrom(request.headers);
  const response = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: appRouter,
    createContext: () => createApiContext({ headers: request.headers, requestId }),
  });
  response.headers.set("x-request-id", requestId);
  return response;
}
