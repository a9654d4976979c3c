// What the language layer cannot read with certainty it marks `uncertain`, so that the bot asks
// instead of recording; what it can read, it reads as the officer meant.
import { describe, expect, it } from "vitest";
import { parse, type Parse } from "#nlu/index.ts";

// A Saturday.
const today = "2024-06-15";
const read = (text: string): Parse => parse(text, { today });

describe("a signed count", () => {
  it.each([
    ["kết nạp -3 đv", "-3"],
    ["kết nạp +3 đv", "+3"],
    ["ket nap -3 dv", "-3"],
    ["giảm -2 đoàn viên", "-2"],
    ["giảm +2 đv", "+2"],
    ["tăng -4 đv", "-4"],
  ])("%s is asked about, and its count is not taken", (text, signed) => {
    const parsed = read(text);
    expect(parsed.uncertain).toEqual({ reason: "count-signed", text: signed });
    expect(parsed.reports?.every((r) => r.count === undefined)).toBe(true);
  });

  it("is the officer's own notation when it opens a clause", () => {
    expect(read("+3 đv")).toEqual({ intent: "report", reports: [{ event: "join", count: 3 }] });
    expect(read("kết nạp 5 đv, -2 đv nghỉ việc").uncertain).toBeUndefined();
  });

  it("is no sign when it stands apart as punctuation", () => {
    expect(read("kết nạp - 3 đv")).toEqual({ intent: "report", reports: [{ event: "join", count: 3 }] });
  });
});

describe("a count in a form no officer means", () => {
  it("asks about 1e2 instead of reading 1 or 100", () => {
    expect(read("kết nạp 1e2 đv")).toEqual({
      intent: "report",
      reports: [{ event: "join" }],
      uncertain: { reason: "count-form", text: "1e2" },
    });
  });

  it("reads 100K as a hundred thousand, for plausibility checks to question", () => {
    expect(read("kết nạp 100K đv").reports).toEqual([{ event: "join", count: 100_000 }]);
  });

  it.each([
    ["kết nạp 1 nghìn 2 đv", 1200],
    ["kết nạp 2 chục đv", 20],
    ["kết nạp một nghìn hai đoàn viên", 1200],
    ["kết nạp một nghìn không trăm linh năm đoàn viên", 1005],
  ])("reads %s as %d", (text, count) => {
    expect(read(text)).toEqual({ intent: "report", reports: [{ event: "join", count }] });
  });
});

describe("the same event told twice", () => {
  it("is one event when a total restates it", () => {
    expect(read("Có 2 chị nghỉ thai sản xong nghỉ luôn, giảm 2 đoàn viên")).toEqual({
      intent: "report",
      reports: [{ event: "leave", count: 2 }],
    });
    expect(read("giảm 2 đv. Báo cáo lại là giảm 2").reports).toEqual([{ event: "leave", count: 2 }]);
    expect(read("kết nạp 4 đoàn viên, tăng 4").reports).toEqual([{ event: "join", count: 4 }]);
  });

  it("adds up events said to be separate", () => {
    expect(read("sáng kết nạp 3, chiều kết nạp thêm 2").reports).toEqual([
      { event: "join", count: 3 },
      { event: "join", count: 2 },
    ]);
    expect(read("sáng kết nạp 3, chiều kết nạp 2").uncertain).toBeUndefined();
    expect(read("2 đv nghỉ việc, 1 đv nghỉ hưu").uncertain).toBeUndefined();
  });

  it("is asked about when the bot cannot tell", () => {
    expect(read("kết nạp 3 đv, kết nạp 2 đv").uncertain).toEqual({ reason: "count-repeated", text: "3, 2" });
    expect(read("kết nạp 3 đv. Kết nạp 3 đv").uncertain?.reason).toBe("count-repeated");
    expect(read("2 chị nghỉ việc, giảm 3 đoàn viên").uncertain?.reason).toBe("count-repeated");
  });
});

describe("a list and a breakdown", () => {
  it("adds up a list that drops the verb", () => {
    expect(read("kết nạp 2 đv nữ, 1 đv nam").reports).toEqual([{ event: "join", count: 3 }]);
    expect(read("ket nap 2 dv nu va 1 dv nam").reports).toEqual([{ event: "join", count: 3 }]);
  });

  it("asks about a list it cannot tell from a breakdown", () => {
    expect(read("kết nạp 2 đv tổ 1, 3 đv tổ 2").uncertain).toEqual({ reason: "count-repeated", text: "2, 3" });
  });

  it("does not count the members of a breakdown again", () => {
    expect(read("kết nạp 5 đv, trong đó 2 nữ").reports).toEqual([{ event: "join", count: 5 }]);
    expect(read("kết nạp 5 đv, trong đó 2 đv nữ").reports).toEqual([{ event: "join", count: 5 }]);
  });
});

describe("the date of a report", () => {
  it("reads a weekday", () => {
    expect(read("thứ 5 tuần trước kết nạp 3 đv").date).toBe("2024-06-06");
    expect(read("chủ nhật vừa rồi kết nạp 3 đv").date).toBe("2024-06-09");
    expect(read("thứ hai tuần này kết nạp 3 đv").date).toBe("2024-06-10");
    expect(read("thu 5 tuan truoc ket nap 3 dv").date).toBe("2024-06-06");
  });

  it("reads tháng sáu as June and tháng sau, typed with marks, as next month", () => {
    expect(read("tháng sáu kết nạp 3 đv")).toMatchObject({ date: "2024-06-01" });
    expect(read("tháng sáu kết nạp 3 đv").uncertain).toBeUndefined();
    expect(read("tháng sau kết nạp 3 đv").uncertain).toMatchObject({ reason: "date-future", date: "2024-07-01" });
  });

  it("asks whether thang sau, typed without any marks, is June or next month", () => {
    expect(read("thang sau ket nap 3 dv").uncertain).toEqual({ reason: "date-ambiguous", text: "thang sau" });
  });

  it("asks about a day the calendar does not have, and gives no date", () => {
    const parsed = read("ngày 29/02/2023 kết nạp 3 đv");
    expect(parsed.uncertain).toEqual({ reason: "date-impossible", text: "ngày 29/02/2023" });
    expect(parsed.date).toBeUndefined();
    expect(read("kết nạp 3 đv ngày 31/4").uncertain?.reason).toBe("date-impossible");
  });

  it("asks about a day to come", () => {
    expect(read("ngày 20/6 kết nạp 3 đv").uncertain).toEqual({
      reason: "date-future",
      text: "ngày 20/6",
      date: "2024-06-20",
    });
    expect(read("thứ 2 tuần sau kết nạp 3 đv").uncertain?.reason).toBe("date-future");
  });

  it("asks about a day before the period the targets count, which starts on 1 January", () => {
    expect(read("kết nạp 3 đv ngày 20/12/2023").uncertain).toMatchObject({
      reason: "date-before-period",
      date: "2023-12-20",
    });
    expect(read("kết nạp 3 đv ngày 01/01/2024").uncertain).toBeUndefined();
  });

  it("asks about the count before the date", () => {
    expect(read("ngày 20/6 kết nạp -3 đv").uncertain?.reason).toBe("count-signed");
  });

  it("marks nothing uncertain in what is not a report", () => {
    expect(read("hạn nộp báo cáo ngày 20/6 là khi nào").uncertain).toBeUndefined();
  });
});
