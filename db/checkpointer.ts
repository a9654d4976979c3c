// Checkpoints off the main thread. SQLite in WAL mode copies the log back into the database file once it
// holds 1,000 pages, in the connection that committed last, and with synchronous=NORMAL that copy ends
// with two fsyncs: measured here, they made up half of the cost of a report. A worker thread with its own
// connection does the copying instead; the main connection checkpoints only if the worker falls far behind.
import { Worker } from "node:worker_threads";
import type Database from "better-sqlite3";

/** Pages the WAL may hold before the main connection checkpoints by itself (SQLite's default is 1,000). */
const FALLBACK_PAGES = 10_000;
const DEFAULT_PAGES = 1_000;

export interface Checkpointer {
  stop(): Promise<void>;
}

export function startCheckpointer(
  sqlite: Database.Database,
  options: { intervalMs?: number; onError?: (message: string) => void } = {},
): Checkpointer {
  if (sqlite.memory) return { stop: async () => undefined };
  const worker = new Worker(new URL("./checkpoint-worker.mjs", import.meta.url), {
    workerData: { file: sqlite.name, intervalMs: options.intervalMs ?? 250 },
  });
  worker.unref();
  sqlite.pragma(`wal_autocheckpoint = ${FALLBACK_PAGES}`);
  const restore = () => {
    if (sqlite.open) sqlite.pragma(`wal_autocheckpoint = ${DEFAULT_PAGES}`);
  };
  const exited = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
  worker.on("message", (message: { type: string; message: string }) => {
    if (message.type === "error") options.onError?.(message.message);
  });
  worker.on("error", (error) => {
    restore();
    options.onError?.(error.message);
  });
  return {
    async stop() {
      restore();
      worker.postMessage("stop");
      const timer = setTimeout(() => void worker.terminate(), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
