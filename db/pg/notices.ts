// PostgreSQL's LISTEN/NOTIFY, for caches that every instance may keep of data that rarely changes: a trigger
// on the table notifies a channel when a transaction writing it commits, and each instance's one listening
// connection clears what it kept. A cache is trusted only while the connection listens: from before the first
// fill, and again only after a lost connection is back (everything kept is dropped then, since notices may
// have been missed meanwhile).
import pg from "pg";

export interface Notices {
  /**
   * Calls `heard` for every notice on `channel`, and whenever notices may have been missed (the connection was
   * lost, or is back). The first call starts listening.
   */
  subscribe(channel: string, heard: () => void): void;
  /** True while notices on `channel` are being received: only then may what was kept be trusted. */
  live(channel: string): boolean;
  close(): Promise<void>;
}

/** How long a lost listening connection waits before it connects again. */
const RECONNECT_MS = 1_000;

export function listeningOn(url: string): Notices {
  const heard = new Map<string, Set<() => void>>();
  let listening = new Set<string>();
  let client: pg.Client | undefined;
  let connecting: Promise<void> | undefined;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;

  const tell = (channel: string) => {
    for (const callback of heard.get(channel) ?? []) callback();
  };
  const later = () => {
    if (closed || retry) return;
    retry = setTimeout(() => {
      retry = undefined;
      void connect();
    }, RECONNECT_MS);
  };
  const lost = (gone: pg.Client) => {
    if (client !== gone) return;
    client = undefined;
    const were = listening;
    listening = new Set();
    for (const channel of were) tell(channel);
    gone.end().catch(() => undefined);
    later();
  };

  async function listen(on: pg.Client, channel: string): Promise<void> {
    // Channel names are the code's own identifiers, never input.
    await on.query(`listen "${channel.replaceAll('"', "")}"`);
    listening.add(channel);
    // Whatever was kept before this moment may have missed a notice.
    tell(channel);
  }

  function connect(): Promise<void> {
    if (closed || client) return Promise.resolve();
    connecting ??= (async () => {
      const next = new pg.Client({ connectionString: url });
      next.on("notification", (message) => tell(message.channel));
      next.on("error", () => lost(next));
      next.on("end", () => lost(next));
      try {
        await next.connect();
        client = next;
        for (const channel of heard.keys()) await listen(next, channel);
      } catch {
        if (client === next) lost(next);
        else {
          next.end().catch(() => undefined);
          later();
        }
      } finally {
        connecting = undefined;
      }
    })();
    return connecting;
  }

  return {
    subscribe(channel, callback) {
      let callbacks = heard.get(channel);
      if (!callbacks) heard.set(channel, (callbacks = new Set()));
      callbacks.add(callback);
      if (client && !listening.has(channel)) void listen(client, channel).catch(() => client && lost(client));
      else void connect();
    },
    live: (channel) => listening.has(channel),
    async close() {
      closed = true;
      clearTimeout(retry);
      await connecting;
      const last = client;
      client = undefined;
      listening = new Set();
      await last?.end().catch(() => undefined);
    },
  };
}
