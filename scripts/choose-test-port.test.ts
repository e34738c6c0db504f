import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isPortFree, pickFreePort } from "../server/db/is-port-free";
import { chooseTestPort } from "./choose-test-port";

describe("test-run ports", () => {
  const holder = net.createServer();
  let busy: number;
  beforeAll(async () => {
    await new Promise<void>((resolve) => holder.listen(0, resolve));
    busy = (holder.address() as net.AddressInfo).port;
  });
  afterAll(() => new Promise((resolve) => holder.close(resolve)));

  it("moves off a default port that something else holds, to one that is free", async () => {
    const port = await chooseTestPort("PAYOPS_TEST_PORT", busy, { env: {} });
    expect(port).not.toBe(busy);
    expect(await isPortFree(port)).toBe(true);
  });

  it("keeps a free default port", async () => {
    const free = await pickFreePort();
    expect(await chooseTestPort("PAYOPS_TEST_PORT", free, { env: {} })).toBe(free);
  });

  it("keeps the port the variable names, even a busy one, so a clash is reported rather than hidden", async () => {
    expect(await chooseTestPort("PAYOPS_TEST_PORT", 3100, { env: { PAYOPS_TEST_PORT: String(busy) } })).toBe(busy);
  });

  it("never hands out a port already chosen for the same run", async () => {
    const first = await chooseTestPort("A", busy, { env: {} });
    const second = await chooseTestPort("B", first, { env: {}, avoid: new Set([first]) });
    expect(second).not.toBe(first);
  });
});
