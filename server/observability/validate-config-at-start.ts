import { ConfigurationError, parseServerEnv } from "../env";
import { logger } from "./logger";

/** A bad configuration stops the server with a one-line reason instead of failing later. */
export function validateConfigAtStart(): void {
  try {
    parseServerEnv(process.env);
  } catch (error) {
    if (error instanceof ConfigurationError) {
      logger.fatal({ err: error }, error.message);
      process.exit(1);
    }
    throw error;
  }
}
