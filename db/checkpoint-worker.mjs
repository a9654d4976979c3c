// The checkpointer's thread: copies committed WAL pages back into the database file every few hundred
// milliseconds, so the fsyncs a checkpoint needs never stall the event loop that answers chats.
// Plain JavaScript, because a worker thread starts without the TypeScript loader (tests, tsx, node alike).
import { parentPort, workerData } from "node:worker_threads";
import Database from "better-sqlite3";

/** @type {{ file: string; intervalMs: number }} */
const { file, intervalMs } = workerData;
const db = new Database(file, { fileMustExist: true });
db.pragma("synchronous = NORMAL");

const timer = setInterval(() => {
  try {
    // PASSIVE never waits for a lock and never blocks the writer: it copies what no reader still needs.
    db.pragma("wal_checkpoint(PASSIVE)");
  } catch (error) {
    parentPort?.postMessage({ type: "error", message: error instanceof Error ? error.message : String(error) });
  }
}, intervalMs);

parentPort?.on("message", (message) => {
  if (message !== "stop") return;
  clearInterval(timer);
  db.close();
  parentPort?.close();
});
