import { describe, expect, it } from "vitest";
import { CODE_ALPHABET, INVITE_CODE_LENGTH, LINK_CODE_LENGTH } from "#nlu/codes.ts";
import { parse, readMessage } from "#nlu/index.ts";

const invite = CODE_ALPHABET.slice(0, INVITE_CODE_LENGTH);
const linkCode = CODE_ALPHABET.slice(-LINK_CODE_LENGTH);

describe("slash commands", () => {
  it("reads a slash report's count and the unit after it", () => {
    expect(readMessage("/ketnap 5 CĐCS Công ty ABC")).toEqual({
      intent: "report",
      reports: [{ event: "join", count: 5 }],
      unit: "CĐCS Công ty ABC",
      slash: "ketnap",
      args: "5 CĐCS Công ty ABC",
    });
    expect(readMessage("/giam 2").reports).toEqual([{ event: "leave", count: 2 }]);
  });

  it("reads counts the way the language layer reads numbers", () => {
    expect(readMessage("/ketnap 1.200").reports).toEqual([{ event: "join", count: 1200 }]);
    expect(readMessage("/ketnap 12k").reports).toEqual([{ event: "join", count: 12 * 1000 }]);
  });

  it("keeps a slash report without a readable count countless, so the bot can ask for one", () => {
    expect(readMessage("/ketnap").reports).toEqual([{ event: "join" }]);
    expect(readMessage("/ketnap -5").reports).toEqual([{ event: "join" }]);
  });

  it("keeps a digit run too long to be a count, so the report can refuse it as too large", () => {
    const digits = "9".repeat(23);
    expect(readMessage(`/ketnap ${digits}`).reports).toEqual([{ event: "join", count: Number(digits) }]);
  });

  it("names other slash commands in lower case, without the bot's name, with their arguments", () => {
    expect(readMessage("/Han")).toEqual({ intent: "unknown", slash: "han", args: "" });
    expect(readMessage("/hoantac@trolycongdoan_bot")).toEqual({ intent: "unknown", slash: "hoantac", args: "" });
    expect(readMessage("/phanbo  ket_nap C1=20 ")).toEqual({
      intent: "unknown",
      slash: "phanbo",
      args: "ket_nap C1=20",
    });
  });

  it("reads /start CODE as an invite to redeem, and a bare /start as the command", () => {
    expect(readMessage(`/start ${invite.toLowerCase()}`)).toEqual({ intent: "redeem_invite", code: invite });
    expect(readMessage("/start")).toEqual({ intent: "unknown", slash: "start", args: "" });
  });

  it("reads /lienket CODE as a link code, and a bare /lienket as the command", () => {
    expect(readMessage(`/lienket ${linkCode}`)).toEqual({ intent: "link_code", code: linkCode });
    expect(readMessage("/lienket")).toEqual({ intent: "unknown", slash: "lienket", args: "" });
  });
});

describe("fixed phrases", () => {
  it("reads the export with or without diacritics, and the unit after it as typed", () => {
    expect(readMessage("xuất báo cáo")).toEqual({ intent: "export", args: "" });
    expect(readMessage("Xuat bao cao cua LĐLĐ TP Thủ Đức")).toEqual({ intent: "export", args: "LĐLĐ TP Thủ Đức" });
    expect(readMessage("xuất excel cho CĐCS Công ty May Việt")).toEqual({
      intent: "export",
      args: "CĐCS Công ty May Việt",
    });
  });

  it("reads the export when the marks come decomposed", () => {
    expect(readMessage("xuất báo cáo của Nghiệp đoàn".normalize("NFD"))).toEqual({
      intent: "export",
      args: "Nghiệp đoàn",
    });
  });

  it("does not take a word that only starts like the phrase", () => {
    expect(readMessage("xuất báo cáochung").intent).not.toBe("export");
  });

  it("reads a typed start CODE as an invite, always", () => {
    expect(readMessage(`start ${invite.toLowerCase()}`)).toEqual({ intent: "redeem_invite", code: invite });
    expect(readMessage(`Start ${linkCode}`)).toEqual({ intent: "redeem_invite", code: linkCode });
  });
});

describe("codes typed on their own", () => {
  it("reads an invite code in any case, keeping the sentence reading for someone already linked", () => {
    const text = ` ${invite.toLowerCase()} `;
    expect(readMessage(text)).toEqual({ intent: "redeem_invite", code: invite, otherwise: parse(text) });
  });

  it("reads a link code, one letter more or fewer included, keeping the sentence reading", () => {
    for (const code of [linkCode, linkCode.slice(1), `${linkCode}A`]) {
      expect(readMessage(code)).toEqual({ intent: "link_code", code, otherwise: parse(code) });
    }
  });

  it("reads a code whose letters begin like a hometown (QQ, QUE) as the code, not as a member", () => {
    // Codes the bot itself hands out: about one in a thousand begins so, and was read as a member entry.
    for (const code of ["QQRMZHWHCR", "QUEM7KUJBU", "QQXQD4355D"])
      expect(readMessage(code)).toEqual({ intent: "redeem_invite", code, otherwise: parse(code) });
    for (const code of ["QUEHB2X", "QQ7KUJB"])
      expect(readMessage(code)).toEqual({ intent: "link_code", code, otherwise: parse(code) });
  });

  it("does not read look-alike letters or other lengths as codes", () => {
    expect(readMessage("OIL0123456").intent).not.toBe("redeem_invite");
    expect(readMessage(invite.slice(0, 5)).intent).not.toBe("link_code");
    expect(readMessage(`${invite}A`).intent).not.toBe("redeem_invite");
  });
});

describe("work said done", () => {
  it("reads the words that may name the task, without the words saying it is done", () => {
    const text = "Đã nộp danh sách đoàn viên ưu tú rồi nhé";
    expect(readMessage(text)).toEqual({
      intent: "task_done",
      taskWords: ["danh", "sach", "doan", "vien", "uu", "tu"],
      otherwise: parse(text),
    });
  });

  it("reads it without diacritics too", () => {
    expect(readMessage("xong hoi nghi so ket").taskWords).toEqual(["hoi", "nghi", "so", "ket"]);
  });

  it("keeps what the sentence otherwise says, for when no open task is named", () => {
    const reading = readMessage("đã nộp báo cáo, kết nạp 5 đoàn viên");
    expect(reading.intent).toBe("task_done");
    expect(reading.otherwise?.intent).toBe("report");
    expect(reading.otherwise?.reports).toEqual([{ event: "join", count: 5 }]);
  });

  it("leaves a sentence without a done phrase to the language layer", () => {
    expect(readMessage("kết nạp 5 đoàn viên")).toEqual(parse("kết nạp 5 đoàn viên"));
    expect(readMessage("nộp danh sách khi nào").intent).not.toBe("task_done");
  });
});
