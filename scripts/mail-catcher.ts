// A local mail catcher on its own, for an app started with `npm start` or elsewhere:
//   npm run mail-catcher                     SMTP on 127.0.0.1:1025, the mails' web page on :1080
//   npm run mail-catcher -- --smtp-port 2525 --web-port 8025
// Point the app at it with SMTP_URL=smtp://127.0.0.1:<smtp port>. `npm run dev` starts one itself.
import { parseArgs } from "node:util";
import { startMailCatcher } from "../server/mail-catcher";

const { values } = parseArgs({
  options: { "smtp-port": { type: "string", default: "1025" }, "web-port": { type: "string", default: "1080" } },
});

try {
  const catcher = await startMailCatcher({
    smtpPort: Number(values["smtp-port"]),
    webPort: Number(values["web-port"]),
  });
  console.log(
    `Mail catcher: SMTP_URL=${catcher.smtpUrl}, mails at ${catcher.webUrl.replace("127.0.0.1", "localhost")}`,
  );
  const stop = () => {
    void catcher.stop().then(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
} catch (error) {
  console.error(`The mail catcher could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
