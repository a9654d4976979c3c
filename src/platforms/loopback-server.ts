// Serves an in-process stand-in API on a free loopback port, so clients talk to it over real HTTP.
import { serve } from "@hono/node-server";
import type { AddressInfo } from "node:net";

export interface LoopbackServer {
  url: string;
  close(): Promise<void>;
}

export function serveOnLoopback(
  fetch: (request: Request) => Response | Promise<Response>,
  beforeClose?: () => void,
): Promise<LoopbackServer> {
  return new Promise((resolve) => {
    const server = serve({ fetch, port: 0, hostname: "127.0.0.1" }, (info: AddressInfo) => {
      resolve({
        url: `http://127.0.0.1:${info.port}`,
        close: () =>
          new Promise<void>((done) => {
            beforeClose?.();
            server.close(() => done());
            (server as { closeAllConnections?: () => void }).closeAllConnections?.();
          }),
      });
    });
  });
}
