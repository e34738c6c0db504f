import { z } from "zod";

// The app's Content-Security-Policy has no 'unsafe-eval'. Zod probes for `new Function` before its
// first parse, and the browser reports that probe as a policy violation even though zod catches it,
// so in the browser schemas parse without compiling.
if (typeof window !== "undefined") z.config({ jitless: true });
