// Finds a free TCP port on 127.0.0.1, preferring a given one.
import { createServer } from "node:net";

/** Resolves `port` if it can be bound, else 0 on failure. */
function tryPort(port: number): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.once("error", () => resolve(0));
    srv.listen(port, "127.0.0.1", () => {
      const bound = (srv.address() as { port: number }).port;
      srv.close(() => resolve(bound));
    });
  });
}

/**
 * `preferred` if it is free, else a free port chosen by the OS.
 *
 * @example
 * const port = await findFreePort(8545);
 */
export async function findFreePort(preferred = 0): Promise<number> {
  return (preferred && (await tryPort(preferred))) || (await tryPort(0));
}
