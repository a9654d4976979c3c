// Moves SQLite's WAL checkpoints off the request path: a worker thread with its own connection
// checkpoints every half second (PASSIVE: never blocks writers), instead of the commit that happens to
// cross the threshold doing it while a chair waits for an answer.
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import type { Db } from "./client.ts";

const WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driver);
const db = new Database(workerData.path);
db.pragma("busy_timeout = 1000");
const checkpoint = () => { try { db.pragma("wal_checkpoint(PASSIVE)"); } catch {} };
const timer = setInterval(checkpoint, workerData.everyMs);
parentPort.on("message", () => { clearInterval(timer); checkpoint(); db.close(); parentPort.close(); });
`;

/** Pages the WAL may grow to before a commit checkpoints anyway: a safety net should the thread stall. */
const SAFETY_NET_PAGES = 20_000;

export function checkpointInBackground(db: Db, path: string, everyMs = 500): { stop(): Promise<void> } {
  const driver = createRequire(import.meta.url).resolve("better-sqlite3");
  const worker = new Worker(WORKER, { eval: true, workerData: { driver, path, everyMs } });
  db.$client.pragma(`wal_autocheckpoint = ${SAFETY_NET_PAGES}`);
  worker.unref();
  return {
    stop: () =>
      new Promise<void>((resolve) => {
        worker.once("exit", () => resolve());
        worker.postMessage("stop");
      }),
  };
}
