/** Calls one tRPC request may batch; the browser's batch link splits at the same size. */
export const TRPC_MAX_BATCH_SIZE = 16;
