// A node-postgres connection that runs one statement at a time by itself. A transaction holds one connection
// for its whole life, and handlers may start several reads of it at once (Promise.all): node-postgres queued
// those on its own but calls that deprecated, and pg 9 refuses them. Here each connection keeps a promise
// chain, so a statement is handed to the driver only once the one before it has answered, in call order.
import pg from "pg";

type Callback = (error: Error | null, result?: unknown) => void;

/** The Client the pool hands out (`new pg.Pool({ Client: SerialClient })`). */
export class SerialClient extends pg.Client {
  /** Settles when the last statement handed to this connection has answered, whichever way. */
  private tail: Promise<unknown> = Promise.resolve();

  // pg's overloads (text or config, values, callback) answer a promise, nothing or the submitted object.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: unknown[]): any {
    const driver = pg.Client.prototype.query as (...a: unknown[]) => unknown;
    const [config] = args as [{ submit?: unknown } | undefined];
    // A stream or cursor is answered through its own events and has to be returned as it is: none is used here.
    if (typeof config === "object" && typeof config?.submit === "function") return driver.apply(this, args);
    const last = args[args.length - 1];
    const callback = typeof last === "function" ? (last as Callback) : undefined;
    const params = callback ? args.slice(0, -1) : args;
    const run = this.tail.then(() => driver.apply(this, params));
    this.tail = run.catch(() => undefined);
    if (!callback) return run;
    // The pool's own `pool.query` passes a callback: it is answered from the same chain.
    run.then(
      (result) => callback(null, result),
      (error: Error) => callback(error),
    );
    return undefined;
  }
}
