// A checked file's rows as kept for its confirmation: beside the pending import, a part of PART_ROWS rows at a
// time, each written or read back in its own turn of the event loop. As one text in the import's own row, a
// 50,000-row file (5 MB) took 20–100 ms to store or read on the thread that answers chats, and every
// statement touching the row (each chunk's count of written rows) read and rewrote it whole.
//
// A pending import written whole before this (its payload a JSON array) is read as before.
import type { PendingImport } from "#db/repositories/pending-imports.ts";
import type { Repositories } from "#db/index.ts";
import { restAfter, slices } from "./background-turn.ts";

/** Rows in a part: about 50 KB, well under a millisecond to write or parse. */
const PART_ROWS = 500;
/** The payload of a pending import whose rows are in parts. */
const IN_PARTS = "parts";
/** The longest a slice of parsing an older, whole payload holds the event loop. */
const SLICE_MS = 4;

/** A new pending import holding `rows`, stored a part at a time; its id. */
export async function storeRows(
  repos: Pick<Repositories, "pendingImports">,
  pending: { personId: number; kind: string; now: string },
  rows: readonly unknown[],
): Promise<number> {
  const id = await repos.pendingImports.create(pending.personId, pending.kind, IN_PARTS, pending.now);
  for (let part = 0; part * PART_ROWS < rows.length; part++) {
    const started = performance.now();
    const lines = rows.slice(part * PART_ROWS, (part + 1) * PART_ROWS).map((row) => JSON.stringify(row));
    await repos.pendingImports.addPart(id, part, lines.join("\n"));
    await restAfter(performance.now() - started);
  }
  return id;
}

/** The rows a pending import holds, read a part at a time. */
export async function storedRows<Row>(
  repos: Pick<Repositories, "pendingImports">,
  pending: Pick<PendingImport, "id" | "payload">,
): Promise<Row[]> {
  if (pending.payload !== IN_PARTS) return payloadRows<Row>(pending.payload);
  const rows: Row[] = [];
  for (let part = 0; ; part++) {
    const started = performance.now();
    const body = await repos.pendingImports.part(pending.id, part);
    if (body === undefined) return rows;
    for (const line of body.split("\n")) rows.push(JSON.parse(line) as Row);
    await restAfter(performance.now() - started);
  }
}

/** The rows of an older payload: a JSON array, one row a line (parsed in slices), or on one line. */
async function payloadRows<Row>(payload: string): Promise<Row[]> {
  if (!payload.startsWith("[\n")) return JSON.parse(payload) as Row[];
  const rows: Row[] = [];
  const slice = slices(SLICE_MS);
  for (let at = 2; at < payload.length; ) {
    const end = payload.indexOf("\n", at);
    const stop = end === -1 ? payload.length : end;
    const line = payload.slice(at, payload.charCodeAt(stop - 1) === 44 /* , */ ? stop - 1 : stop);
    if (line !== "]" && line !== "") rows.push(JSON.parse(line) as Row);
    at = stop + 1;
    await slice.between();
  }
  return rows;
}
