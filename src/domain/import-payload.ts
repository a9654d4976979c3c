// A checked file's rows as kept in its pending import, written and read back a slice at a time. Turning a
// 50,000-row file into one JSON text, or parsing it back, holds the event loop 10–30 ms in one go; row by
// row, with a turn for other requests every few milliseconds, it holds it for no longer than a slice.
//
// The text is still one JSON array (a row per line), so anything that parses it whole reads it as before,
// and a pending import written whole before this (one line) is parsed whole.
/** The longest a slice of writing or reading the rows holds the event loop. */
const SLICE_MS = 4;

const turn = () => new Promise((resolve) => setImmediate(resolve));

/** The rows as a JSON array with one row per line. */
export async function rowsPayload(rows: readonly unknown[]): Promise<string> {
  const lines: string[] = [];
  let sliceStarted = performance.now();
  for (const row of rows) {
    lines.push(JSON.stringify(row));
    if (performance.now() - sliceStarted >= SLICE_MS) {
      await turn();
      sliceStarted = performance.now();
    }
  }
  return `[\n${lines.join(",\n")}\n]`;
}

/** The rows of a payload written by rowsPayload (a line at a time), or of any JSON array of rows (whole). */
export async function payloadRows<Row>(payload: string): Promise<Row[]> {
  if (!payload.startsWith("[\n")) return JSON.parse(payload) as Row[];
  const rows: Row[] = [];
  let sliceStarted = performance.now();
  for (let at = 2; at < payload.length; ) {
    const end = payload.indexOf("\n", at);
    const stop = end === -1 ? payload.length : end;
    const line = payload.slice(at, payload.charCodeAt(stop - 1) === 44 /* , */ ? stop - 1 : stop);
    if (line !== "]" && line !== "") rows.push(JSON.parse(line) as Row);
    at = stop + 1;
    if (performance.now() - sliceStarted >= SLICE_MS) {
      await turn();
      sliceStarted = performance.now();
    }
  }
  return rows;
}
