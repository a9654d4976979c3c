import { describe, expect, it } from "vitest";
import { payloadRows, rowsPayload } from "#domain/import-payload.ts";
import type { Row } from "#domain/import.ts";

/** Rows with what JSON must escape: quotes, commas at the end, new lines, Vietnamese letters. */
function rows(count: number): Row[] {
  return Array.from({ length: count }, (_, i) => ({
    line: i + 2,
    cells: {
      unit_code: `C${i}`,
      metric: i % 3 === 0 ? 'Kết nạp "mới",' : "ket_nap",
      target: String(i),
      deadline: "a\nb,",
    },
  }));
}

describe("a checked file's rows kept in its pending import", () => {
  it("reads back the rows it wrote, and is one JSON array", async () => {
    const file = rows(5_000);
    const payload = await rowsPayload(file);
    expect(JSON.parse(payload)).toEqual(file);
    expect(await payloadRows<Row>(payload)).toEqual(file);
    expect(await payloadRows<Row>(await rowsPayload([]))).toEqual([]);
  });

  it("reads a payload written whole before, in one line", async () => {
    const file = rows(10);
    expect(await payloadRows<Row>(JSON.stringify(file))).toEqual(file);
  });

  it("lets other work run while a long file is written and read", async () => {
    const file = rows(60_000);
    const order: string[] = [];
    const written = rowsPayload(file).then((p) => {
      order.push("written");
      return p;
    });
    setImmediate(() => order.push("another request"));
    const payload = await written;
    const read = payloadRows<Row>(payload).then(() => order.push("read"));
    setImmediate(() => order.push("another request"));
    await read;
    expect(order).toEqual(["another request", "written", "another request", "read"]);
  });
});
