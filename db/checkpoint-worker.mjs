// The checkpointer's thread: copies committed WAL pages back into the database file every few hundred
// milliseconds, so the fsyncs a checkpoint needs never stall the event loop that answers chats.
// Plain JavaScript, because a worker thread starts without the TypeScript loader (tests, tsx, node alike).
import { setPriority } from "node:os";
import { parentPort, workerData } from "node:worker_threads";
import Database from "better-sqlite3";

// Copying pages back can wait; answering chats cannot. On Linux a thread has its own nice value (0 names this
// thread), so when a large import's pages are being copied on a busy machine, the event loop gets the core
// first. Where that is not allowed, the thread keeps the process's priority.
try {
  setPriority(0, 10);
} catch {
  // Not allowed here: the thread runs at the process's priority.
}

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
