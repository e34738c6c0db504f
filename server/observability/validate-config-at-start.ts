import { ConfigurationError, parseServerEnv } from "../env";

/** A bad configuration stops the server with a one-line reason instead of failing later. */
export function validateConfigAtStart(): void {
  try {
    parseServerEnv(process.env);
  } catch (error) {
    if (error instanceof ConfigurationError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}
