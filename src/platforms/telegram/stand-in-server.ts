// Serves the stand-in Bot API on a loopback port, so grammY talks to it over real HTTP.
import { serve } from "@hono/node-server";
import type { AddressInfo } from "node:net";
import { StandInBotApi } from "./stand-in-api.ts";

export interface RunningStandIn {
  api: StandInBotApi;
  /** The apiRoot to give grammY. */
  url: string;
  close(): Promise<void>;
}

export function startStandIn(api = new StandInBotApi()): Promise<RunningStandIn> {
  return new Promise((resolve) => {
    const server = serve({ fetch: api.app.fetch, port: 0, hostname: "127.0.0.1" }, (info: AddressInfo) => {
      resolve({
        api,
        url: `http://127.0.0.1:${info.port}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            (server as { closeAllConnections?: () => void }).closeAllConnections?.();
          }),
      });
    });
  });
}
