// Keep-alive connections to the Bot API: a new TLS handshake per message would dominate the reply time.
import { Agent as HttpAgent } from "node:http";
import { Agent as HttpsAgent } from "node:https";

/** grammY's fetch config, with an agent that keeps connections to `apiRoot` open. */
export function keepAliveFetchConfig(apiRoot: string): object {
  const agent = apiRoot.startsWith("https:") ? new HttpsAgent({ keepAlive: true }) : new HttpAgent({ keepAlive: true });
  return { agent };
}
