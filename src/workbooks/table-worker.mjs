// Reads one table file off the main thread, so other chats are answered while a large workbook is read.
// Plain JavaScript: a worker starts without the TypeScript loader the main thread runs under.
import { once } from "node:events";
import { setPriority } from "node:os";
import { parentPort, workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

// Rows go over a batch at a time, the next when the main thread asks for it: taking 50,000 rows in at once
// holds its event loop for tens of milliseconds, a batch for a few.
const ROWS_PER_MESSAGE = 2_000;

// Reading a workbook is seconds of CPU: on Linux this lowers only this thread's priority (a thread has its
// own nice value), so the server's event loop gets a core first. Where that is not allowed, nothing changes.
try {
  setPriority(0, 10);
} catch {
  // Not allowed here (another system, or a limit): the thread runs at the process's priority.
}

register();
const { readTable } = await import("./read-table.ts");
const table = await readTable(workerData.data, workerData.name);
for (let at = 0; at < table.rows.length; at += ROWS_PER_MESSAGE) {
  parentPort?.postMessage({ rows: table.rows.slice(at, at + ROWS_PER_MESSAGE) });
  await once(parentPort, "message");
}
parentPort?.postMessage({ table: { ...table, rows: [] } });
