// The chart renderer's thread: lays a chart out with ECharts and rasterises it with resvg, one job at a time.
// Laying out 25 bars is 40 ms or more of JavaScript; on the main thread every other chat waited for it.
// Plain JavaScript: a worker starts without the TypeScript loader the main thread runs under.
import { setPriority } from "node:os";
import { parentPort } from "node:worker_threads";
import { register } from "tsx/esm/api";

// As the subtree reader's thread: on Linux this thread gives way to the server's event loop for a core.
try {
  setPriority(0, 10);
} catch {
  // Not allowed here: the thread runs at the process's priority.
}

register();
const { renderProgressChart } = await import("./progress-chart.ts");
const jobs = { progress: renderProgressChart };

parentPort?.on("message", ({ id, job, args }) => {
  try {
    parentPort?.postMessage({ id, result: jobs[job](...args) });
  } catch (error) {
    parentPort?.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
