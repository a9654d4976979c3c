// Serves the stand-in Zalo API on a loopback port, so the client talks to it over real HTTP.
import { serveOnLoopback } from "#src/platforms/loopback-server.ts";
import { StandInZaloApi } from "./stand-in-api.ts";

export interface RunningZaloStandIn {
  api: StandInZaloApi;
  /** The apiRoot to give the Zalo client. */
  url: string;
  close(): Promise<void>;
}

export async function startZaloStandIn(api = new StandInZaloApi()): Promise<RunningZaloStandIn> {
  // Waiting getUpdates calls are answered first, or closing would wait for them.
  return { api, ...(await serveOnLoopback(api.app.fetch, () => api.release())) };
}
