import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Service } from "#src/assemble.ts";
import { loadConfig } from "#src/config.ts";
import { createLogger } from "#src/logger.ts";
import { startDemo } from "#src/platforms/demo/start.ts";

let dir: string;
let demo: Service;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "tlcd-demo-members-"));
  // No MEMBER_DATA_KEY: the demo makes its own.
  const config = loadConfig({ DEMO_DATABASE_PATH: join(dir, "demo.sqlite"), LOG_LEVEL: "silent" });
  const offset = Date.parse("2026-12-01T03:00:00Z") - Date.now();
  demo = await startDemo(config, createLogger("silent"), () => new Date(Date.now() + offset));
});
afterEach(async () => {
  await demo.close();
  rmSync(dir, { recursive: true, force: true });
});

type Shown = { text: string; buttons: { label: string; data: string }[][]; file?: { url: string } };
let last: Shown[] = [];
const say = async (persona: string, body: object): Promise<string> => {
  const response = await demo.app.request("/demo/say", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ persona, ...body }),
  });
  last = ((await response.json()) as { messages: Shown[] }).messages;
  return last.map((m) => m.text).join("\n");
};
const press = (persona: string, label: string) => {
  const button = last.flatMap((m) => m.buttons.flat()).find((b) => b.label === label);
  if (!button) throw new Error(`no "${label}" in ${JSON.stringify(last)}`);
  return say(persona, { data: button.data, label: button.label });
};

const THREE = [
  "Nguyễn Thị Lan, nữ, 12/03/1995, CCCD 079195001234, quê Bến Tre, vào CĐ 20/11/2026",
  "Trần Văn Tú, nam, 02/02/1992, CCCD 083092000111, quê Mỏ Cày, vào CĐ 21/11/2026",
  "Lê Thị Hoa, nữ, 05/06/1988, CCCD 083188000222, quê Ba Tri, vào CĐ 22/11/2026",
];

describe("the member register in the demo", () => {
  it("takes a chair from 'kết nạp 3 đoàn viên' to three approved members the officer downloads", async () => {
    await say("chair", { text: "kết nạp 3 đoàn viên" });
    expect(await press("chair", "Nhập danh sách 3 người")).toContain("cần xác nhận");
    await press("chair", "✅ Tôi đã thông báo cho đoàn viên");
    for (const text of THREE) {
      expect(await say("chair", { text })).toContain("Kiểm tra thông tin đoàn viên");
      expect(await press("chair", "✅ Lưu")).toContain("Đã thêm");
    }
    expect(await say("officer", { text: "/duyetdv" })).toContain("CĐCS Công ty TNHH May Linh Xuân: 3 người");
    await press("officer", "CĐCS Công ty TNHH May Linh Xuân (3)");
    expect(await press("officer", "✅ Duyệt danh sách")).toContain("Đã duyệt danh sách 3 đoàn viên");
    const standing = await say("chair", { text: "còn thiếu bao nhiêu" });
    // The demo's seeded reports are counted too: the list line's reports are the admissions shown above it.
    const admitted = /Kết nạp đoàn viên: (\d+)\//.exec(standing)?.[1];
    expect(standing).toContain(`báo cáo ${admitted}, danh sách 3, đã duyệt 3`);
    expect(await say("officer", { text: "/xuatdanhsach" })).toContain("Danh sách 3 đoàn viên đã duyệt");
    const url = last.find((m) => m.file)?.file?.url;
    const download = await demo.app.request(url ?? "/missing");
    expect(download.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await download.arrayBuffer()) as unknown as ArrayBuffer);
    expect(book.worksheets[0]?.rowCount).toBe(1 + 3);
  });
});
