import { serve } from "inngest/next";
import { inngest } from "@/inngest/client";
import { functions } from "@/inngest/index";
import { serverEnv } from "@/server/env";

export const dynamic = "force-dynamic";

const inngestHandlers = serve({ client: inngest, functions });
type Handler = (typeof inngestHandlers)["GET"];

/**
 * Inngest's endpoint when JOB_EXECUTOR=inngest. With the local executor no Inngest server may call
 * in, and `serve()` without a signing key answers 500, so the route says plainly that it is off.
 */
function whenInngest(handler: Handler): Handler {
  return (...args) =>
    serverEnv().JOB_EXECUTOR === "inngest"
      ? handler(...args)
      : Promise.resolve(
          Response.json(
            { error: "Background jobs run inside PayOps (JOB_EXECUTOR=local); this Inngest endpoint is off." },
            { status: 404 },
          ),
        );
}

export const GET = whenInngest(inngestHandlers.GET);
export const POST = whenInngest(inngestHandlers.POST);
export const PUT = whenInngest(inngestHandlers.PUT);
