import { Inngest } from "inngest";

/** The Inngest client. Keys come from INNGEST_EVENT_KEY / INNGEST_SIGNING_KEY (read by the SDK). */
export const inngest = new Inngest({ id: "payops" });
