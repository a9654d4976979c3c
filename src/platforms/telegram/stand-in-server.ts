// Serves the stand-in Bot API on a loopback port, so grammY talks to it over real HTTP.
import { serveOnLoopback } from "#src/platforms/loopback-server.ts";
import { StandInBotApi } from "./stand-in-api.ts";

export interface RunningStandIn {
  api: StandInBotApi;
  /** The apiRoot to give grammY. */
  url: string;
  close(): Promise<void>;
}

export async function startStandIn(api = new StandInBotApi()): Promise<RunningStandIn> {
  return { api, ...(await serveOnLoopback(api.app.fetch)) };
}
