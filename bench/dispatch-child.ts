// The dispatcher as its own process, for the kill -9 part of bench/dispatch.ts: recovers what a killed
// predecessor left in `sending`, then sends the outbox to the parent's loopback stand-in until nothing is left.
// Arguments: <database file> <stand-in URL> <broadcast id> <messages per second> <concurrency>.
import { openDatabase } from "#db/client.ts";
import { repositories } from "#db/index.ts";
import { createDispatcher, TELEGRAM_LIMITS, type SendResult } from "#src/delivery/dispatcher.ts";

export type FromDispatchChild =
  | { type: "recovered"; rows: number }
  | { type: "done"; delivered: number; pending: number }
  | { type: "error"; message: string };

const [databaseFile, url, broadcastArg, rateArg, concurrencyArg] = process.argv.slice(2);
const report = (message: FromDispatchChild) =>
  new Promise<void>((resolve) => (process.send ? process.send(message, () => resolve()) : resolve()));

// The parent going away ends this process too; so does running far longer than the run should.
process.on("disconnect", () => process.exit(0));
setTimeout(() => process.exit(3), 120_000).unref();

async function main(): Promise<void> {
  if (!databaseFile || !url || !broadcastArg || !rateArg || !concurrencyArg)
    throw new Error("usage: <db> <url> <broadcast> <rate> <concurrency>");
  const broadcastId = Number(broadcastArg);
  const db = openDatabase(databaseFile);
  const outbox = repositories(db).outbox;
  await report({ type: "recovered", rows: await outbox.recoverStale(new Date(Date.now() + 1).toISOString()) });

  const dispatcher = createDispatcher({
    outbox,
    concurrency: Number(concurrencyArg),
    limits: { telegram: { ...TELEGRAM_LIMITS, overall: { count: Number(rateArg), perMs: 1_000 } } },
    async send(message): Promise<SendResult> {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ key: message.key, chat_id: message.chatId, text: message.payload.text }),
      });
      return response.ok ? { ok: true } : { ok: false, error: `HTTP ${response.status}` };
    },
  });
  await dispatcher.start();
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    const counts = await outbox.broadcastCounts(broadcastId);
    if (counts.pending === 0) {
      await dispatcher.stop();
      db.$client.close();
      await report({ type: "done", delivered: counts.delivered, pending: counts.pending });
      return;
    }
  }
}

main().then(
  () => process.exit(0),
  async (error: unknown) => {
    await report({ type: "error", message: error instanceof Error ? error.message : String(error) });
    process.exit(1);
  },
);
