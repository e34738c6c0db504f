import { handleTrpcRequest } from "@/server/api/handle-trpc-request";

export { handleTrpcRequest as GET, handleTrpcRequest as POST };
