// Reads one table file off the main thread, so other chats are answered while a large workbook is read.
// Plain JavaScript: a worker starts without the TypeScript loader the main thread runs under.
import { parentPort, workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
const { readTable } = await import("./read-table.ts");
parentPort?.postMessage(await readTable(workerData.data, workerData.name));
