// A worker thread that answers jobs by message: `{ id, job, args }` in, `{ id, result }` or `{ id, error }` out.
// Started at its first job and kept; referenced only while a job is out, so an idle thread does not keep alive
// a process that has nothing else to do (the benchmark, the CLI, a test run). The subtree reader and the chart
// renderer each have one.
import { Worker } from "node:worker_threads";

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };
type Jobs = Record<string, (...args: never[]) => unknown>;

export interface JobThread<J extends Jobs> {
  /** Starts the thread ahead of its first job, so that job does not wait for the thread to load its code. */
  start(): void;
  run<K extends keyof J & string>(job: K, ...args: Parameters<J[K]>): Promise<Awaited<ReturnType<J[K]>>>;
  close(): Promise<void>;
}

export function jobThread<J extends Jobs>(script: URL, workerData?: unknown): JobThread<J> {
  let worker: Worker | undefined;
  let nextId = 1;
  const pending = new Map<number, Pending>();
  const failAll = (error: Error) => {
    for (const p of pending.values()) p.reject(error);
    pending.clear();
    worker = undefined;
  };
  const started = (): Worker => {
    if (worker) return worker;
    const w = new Worker(script, { workerData });
    w.on("message", (message: { id?: number; result?: unknown; error?: string }) => {
      if (message.id === undefined) return;
      const waiting = pending.get(message.id);
      pending.delete(message.id);
      if (pending.size === 0) w.unref();
      if (message.error !== undefined) waiting?.reject(new Error(message.error));
      else waiting?.resolve(message.result);
    });
    w.on("error", (error) => failAll(error));
    w.on("exit", () => failAll(new Error("a worker thread stopped")));
    // A "message" listener references the worker, so this comes after it.
    w.unref();
    worker = w;
    return w;
  };
  return {
    start() {
      started();
    },
    run(job, ...args) {
      const id = nextId++;
      const w = started();
      return new Promise((resolve, reject) => {
        if (pending.size === 0) w.ref();
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
        w.postMessage({ id, job, args });
      });
    },
    async close() {
      const w = worker;
      worker = undefined;
      if (w) await w.terminate();
    },
  };
}
