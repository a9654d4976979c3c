// The subtree reader's thread: answers jobs over its own read-only connection, one at a time.
// Plain JavaScript: a worker starts without the TypeScript loader the main thread runs under.
import { setPriority } from "node:os";
import { parentPort, workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

// On Linux a thread has its own nice value, and 0 names the calling thread: this thread's reads then give way
// to the server's event loop when both want a core (on 2 cores shared with other work, they compete). Where
// that is not allowed, the thread keeps the process's priority.
try {
  setPriority(0, 10);
} catch {
  // Not allowed here (another system, or a limit): the thread runs at the process's priority.
}

register();
const { openReader, readRepositories } = await import("#db/index.ts");
const { subtreeJobs } = await import("./subtree-jobs.ts");
const repos = readRepositories(openReader(workerData.path));
const jobs = subtreeJobs(repos);

// One job at a time: each is one read transaction on the one connection.
let line = Promise.resolve();
parentPort?.on("message", ({ id, job, args }) => {
  line = line.then(async () => {
    try {
      const result = await repos.snapshot(() => jobs[job](...args));
      parentPort?.postMessage({ id, result });
    } catch (error) {
      parentPort?.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
    }
  });
});
parentPort?.postMessage({ ready: true });
