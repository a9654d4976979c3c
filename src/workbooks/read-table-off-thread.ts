// readTable in a worker thread: reading a 50,000-row workbook takes seconds of CPU, and a worker that
// runs out of its own memory ends alone instead of taking the server with it.
import { Worker } from "node:worker_threads";
import type { ReadTable } from "./read-table.ts";
import { MAX_EXPANDED_BYTES } from "./table-limits.ts";

// The expanded XML, its strings, and the rows read from it fit in this with room to spare.
const WORKER_HEAP_MB = Math.ceil((MAX_EXPANDED_BYTES * 8) / 1024 / 1024);

const UNREADABLE =
  "Không đọc được tệp này. Hãy mở tệp bằng Excel, chép riêng bảng cần nhập sang một tệp mới, lưu dạng .xlsx rồi gửi lại.";

export function readTableOffThread(data: Uint8Array, name: string): Promise<ReadTable> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL("./table-worker.mjs", import.meta.url), {
      workerData: { data, name },
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    });
    let settled = false;
    const settle = (table: ReadTable) => {
      if (settled) return;
      settled = true;
      resolve(table);
      void worker.terminate();
    };
    // The rows come a batch per message, then the table without them.
    const rows: ReadTable["rows"] = [];
    worker.on("message", (message: { rows: ReadTable["rows"] } | { table: ReadTable }) => {
      if ("rows" in message) {
        for (const row of message.rows) rows.push(row);
        setImmediate(() => worker.postMessage("more"));
      } else settle({ ...message.table, rows });
    });
    worker.once("error", () => settle({ kind: null, header: [], rows: [], problems: [UNREADABLE] }));
    worker.once("exit", () => settle({ kind: null, header: [], rows: [], problems: [UNREADABLE] }));
  });
}
