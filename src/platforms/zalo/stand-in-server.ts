// Serves the stand-in Zalo API on a loopback port, so the client talks to it over real HTTP.
import { serve } from "@hono/node-server";
import type { AddressInfo } from "node:net";
import { StandInZaloApi } from "./stand-in-api.ts";

export interface RunningZaloStandIn {
  api: StandInZaloApi;
  /** The apiRoot to give the Zalo client. */
  url: string;
  close(): Promise<void>;
}

export function startZaloStandIn(api = new StandInZaloApi()): Promise<RunningZaloStandIn> {
  return new Promise((resolve) => {
    const server = serve({ fetch: api.app.fetch, port: 0, hostname: "127.0.0.1" }, (info: AddressInfo) => {
      resolve({
        api,
        url: `http://127.0.0.1:${info.port}`,
        close: () =>
          new Promise<void>((done) => {
            api.release();
            server.close(() => done());
            (server as { closeAllConnections?: () => void }).closeAllConnections?.();
          }),
      });
    });
  });
}
