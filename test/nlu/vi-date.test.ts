import { describe, expect, it } from "vitest";
import { findTimeExpressions, parseViDate } from "#nlu/vi-date.ts";

// A Saturday.
const today = "2024-06-15";

describe("parseViDate with today = 2024-06-15", () => {
  it.each([
    ["20/7", "2024-07-20"],
    ["20/7/2024", "2024-07-20"],
    ["trước 20/7/2023", "2023-07-20"],
    ["20-7-2024", "2024-07-20"],
    ["1/6/24", "2024-06-01"],
    ["ngày 15 tháng 3", "2024-03-15"],
    ["ngay 15 thang 3 nam 2023", "2023-03-15"],
    ["15 tháng 3", "2024-03-15"],
    ["ngày 10", "2024-06-10"],
    ["tháng 4/2024", "2024-04-01"],
    ["tháng 4 năm 2023", "2023-04-01"],
    ["tháng tư", "2024-04-01"],
    ["hôm nay", "2024-06-15"],
    ["bữa nay", "2024-06-15"],
    ["hôm qua", "2024-06-14"],
    ["hqua", "2024-06-14"],
    ["chiều qua", "2024-06-14"],
    ["hôm kia", "2024-06-13"],
    ["ngày mai", "2024-06-16"],
    ["tuần trước", "2024-06-08"],
    ["tháng trước", "2024-05-01"],
    ["tháng rồi", "2024-05-01"],
    ["đầu tháng", "2024-06-01"],
    ["cuối tháng", "2024-06-30"],
    ["cuối tháng 2", "2024-02-29"],
    ["cuối năm", "2024-12-31"],
    ["quý 3", "2024-07-01"],
    ["quý III/2023", "2023-07-01"],
    ["cuối quý 2", "2024-06-30"],
    ["quý trước", "2024-01-01"],
  ])("reads %s as %s", (text, date) => {
    expect(parseViDate(text, today)).toBe(date);
  });

  it("crosses year ends", () => {
    expect(parseViDate("hôm qua", "2024-01-01")).toBe("2023-12-31");
    expect(parseViDate("tháng trước", "2024-01-10")).toBe("2023-12-01");
    expect(parseViDate("quý trước", "2024-02-10")).toBe("2023-10-01");
  });

  it("refuses impossible dates", () => {
    expect(parseViDate("31/2/2024", today)).toBeUndefined();
    expect(parseViDate("20/13", today)).toBeUndefined();
  });

  it("gives no date for periods that name no day", () => {
    expect(parseViDate("năm nay", today)).toBeUndefined();
    expect(parseViDate("tháng này", today)).toBeUndefined();
    expect(parseViDate("năm 2024", today)).toBeUndefined();
  });
});

describe("weekdays, with today = Saturday 2024-06-15 (the week began on Monday 10/6)", () => {
  it.each([
    ["thứ 5 tuần trước", "2024-06-06"],
    ["thu 5 tuan truoc", "2024-06-06"],
    ["thứ năm tuần rồi", "2024-06-06"],
    ["chủ nhật vừa rồi", "2024-06-09"],
    ["chủ nhật tuần trước", "2024-06-09"],
    ["chu nhat vua qua", "2024-06-09"],
    ["thứ hai tuần này", "2024-06-10"],
    ["thứ 2 tuần sau", "2024-06-17"],
    ["thứ sáu", "2024-06-14"],
    ["thứ 7", "2024-06-15"],
    ["thứ bảy vừa rồi", "2024-06-08"],
    ["thứ 3 tới", "2024-06-18"],
  ])("reads %s as %s", (text, date) => {
    expect(parseViDate(text, today)).toBe(date);
  });

  it("does not take an ordinal or a sum of money for a weekday", () => {
    expect(parseViDate("đại hội lần thứ 2", today)).toBeUndefined();
    expect(parseViDate("thu 5 trieu", today)).toBeUndefined();
  });
});

describe("a month named in words", () => {
  it("reads tháng sáu as June and tháng sau as next month", () => {
    expect(parseViDate("tháng sáu", today)).toBe("2024-06-01");
    expect(parseViDate("tháng sau", today)).toBe("2024-07-01");
  });
});

describe("parseViDate without today", () => {
  it("resolves only what names its year", () => {
    expect(parseViDate("20/7/2024")).toBe("2024-07-20");
    expect(parseViDate("tháng 4/2024")).toBe("2024-04-01");
    expect(parseViDate("20/7")).toBeUndefined();
    expect(parseViDate("hôm qua")).toBeUndefined();
    expect(parseViDate("tuần trước")).toBeUndefined();
  });
});

describe("findTimeExpressions", () => {
  const spans = (text: string) => findTimeExpressions(text.split(" "), today);

  it("finds a day the calendar does not have, and says so instead of giving a date", () => {
    expect(spans("ngay 29/02/2023")).toEqual([{ start: 0, end: 2, kind: "point", invalid: true }]);
    expect(spans("31/4")).toEqual([{ start: 0, end: 1, kind: "point", invalid: true }]);
    expect(spans("29/02/2024")).toEqual([{ start: 0, end: 1, kind: "point", date: "2024-02-29" }]);
  });

  it("finds times of day and lengths of time, so their numbers are never counts", () => {
    expect(spans("hop luc 8h")).toEqual([{ start: 1, end: 3, kind: "point" }]);
    expect(spans("hop 8h30")).toEqual([{ start: 1, end: 2, kind: "point" }]);
    expect(spans("bao cao 6 thang")).toEqual([{ start: 2, end: 4, kind: "duration" }]);
    expect(spans("95 nam")).toEqual([{ start: 0, end: 2, kind: "duration" }]);
  });

  it("finds a year but not the number five", () => {
    expect(spans("nam nay phai ket nap")).toEqual([{ start: 0, end: 2, kind: "point" }]);
    expect(spans("ket nap nam doan vien")).toEqual([]);
  });

  it("leaves words the caller marks as names alone", () => {
    const words = ["chi", "mai", "oi"];
    expect(findTimeExpressions(words, today)).toHaveLength(1);
    expect(findTimeExpressions(words, today, (i) => i === 1)).toEqual([]);
  });
});
