import { describe, expect, it } from "vitest";
import { parse, suggest, type Parse } from "#nlu/index.ts";

const today = "2024-06-15";
const read = (text: string): Parse => parse(text, { today });

describe("a report", () => {
  it("gives the event and its count", () => {
    expect(read("kết nạp 5 đoàn viên")).toEqual({ intent: "report", reports: [{ event: "join", count: 5 }] });
    expect(read("có thêm 3 đv mới").reports).toEqual([{ event: "join", count: 3 }]);
    expect(read("vừa kn 5 dv").reports).toEqual([{ event: "join", count: 5 }]);
    expect(read("2 đv nghỉ việc").reports).toEqual([{ event: "leave", count: 2 }]);
    expect(read("giảm 2 đv").reports).toEqual([{ event: "leave", count: 2 }]);
  });

  it("leaves the count out when no number is given", () => {
    expect(read("kết nạp vài người").reports).toEqual([{ event: "join" }]);
    expect(read("kết nạp một số").reports).toEqual([{ event: "join" }]);
  });

  it("lists several reports in the order they were said", () => {
    expect(read("kết nạp 5, nghỉ việc 2").reports).toEqual([
      { event: "join", count: 5 },
      { event: "leave", count: 2 },
    ]);
    expect(read("nghỉ hưu 1, kết nạp 4").reports).toEqual([
      { event: "leave", count: 1 },
      { event: "join", count: 4 },
    ]);
  });

  it("does not count the parts of a total twice", () => {
    expect(read("giảm 2 (1 nghỉ hưu, 1 chuyển công tác)").reports).toEqual([{ event: "leave", count: 2 }]);
    expect(read("giảm 3, 2 nghỉ việc 1 nghỉ hưu").reports).toEqual([{ event: "leave", count: 3 }]);
  });

  it("tells each kind of event apart", () => {
    expect(read("thành lập 1 CĐCS").reports).toEqual([{ event: "found_union", count: 1 }]);
    expect(read("thành lập 1 nghiệp đoàn").reports).toEqual([{ event: "found_guild", count: 1 }]);
    expect(read("giới thiệu 2 đoàn viên ưu tú cho cấp ủy").reports).toEqual([{ event: "party_referral", count: 2 }]);
    expect(read("tổ chức 1 hoạt động văn hóa thể thao").reports).toEqual([{ event: "activity", count: 1 }]);
  });

  it("reads the name, members and likely sector of a union or guild founded", () => {
    expect(read("vừa thành lập CĐCS Công ty TNHH Minh Phát, 25 đoàn viên").reports).toEqual([
      { event: "found_union", founded: { name: "Công ty TNHH Minh Phát", sector: "non_state", members: 25 } },
    ]);
    expect(read("thành lập nghiệp đoàn xe ôm phường Linh Trung").reports).toEqual([
      { event: "found_guild", founded: { name: "xe ôm phường Linh Trung", sector: "informal" } },
    ]);
    expect(read("thành lập CĐCS Trường THCS Nguyễn Du").reports?.[0]?.founded?.sector).toBe("state");
    // The district that reports is not the unit founded; a count of several names no single one.
    const district = read("LĐLĐ huyện Phú Riềng thành lập 1 CĐCS Công ty Cổ phần Cao su, 40 lao động");
    expect(district.unit).toBe("LĐLĐ huyện Phú Riềng");
    expect(district.reports?.[0]?.founded).toEqual({
      name: "Công ty Cổ phần Cao su",
      sector: "non_state",
      workers: 40,
    });
    expect(read("thành lập 1 CĐCS mới").reports).toEqual([{ event: "found_union", count: 1 }]);
    expect(read("đã thành lập 2 CĐCS Công ty A").reports).toEqual([{ event: "found_union", count: 2 }]);
  });

  it("marks informal-economy members, and splits the informal part of a total", () => {
    expect(read("kết nạp 3 lao động tự do").reports).toEqual([{ event: "join", count: 3, informal: true }]);
    expect(read("kết nạp 4 đv phi chính thức").reports).toEqual([{ event: "join", count: 4, informal: true }]);
    expect(read("kết nạp 15 đv trong đó 5 lao động phi chính thức").reports).toEqual([
      { event: "join", count: 10 },
      { event: "join", count: 5, informal: true },
    ]);
  });

  it("names the unit as written", () => {
    expect(read("kết nạp 5 đv cho CĐCS Công ty May 10").unit).toBe("CĐCS Công ty May 10");
    expect(read("nđ xe ôm kết nạp 2 đv").unit).toBe("nđ xe ôm");
    expect(read("cty em kết nạp 2 đv").unit).toBeUndefined();
  });

  it("keeps a market and leather inside a name, while 'cho' and 'đã' still end it", () => {
    expect(read("Nghiệp đoàn tiểu thương chợ Gia Trung còn thiếu bao nhiêu").unit).toBe(
      "Nghiệp đoàn tiểu thương chợ Gia Trung",
    );
    expect(read("kết nạp 3 đv cho CĐCS Công ty TNHH Giày da Bình Việt").unit).toBe(
      "CĐCS Công ty TNHH Giày da Bình Việt",
    );
    expect(read("CĐCS Công ty May Việt cho kết nạp 2 đv").unit).toBe("CĐCS Công ty May Việt");
    expect(read("CĐCS Công ty Giày Việt đã kết nạp 2 đv").unit).toBe("CĐCS Công ty Giày Việt");
  });

  it("does not take a union being founded for the unit reporting it", () => {
    expect(read("thành lập CĐCS Công ty TNHH Minh Long").unit).toBeUndefined();
    expect(read("LĐLĐ huyện Phú Riềng thành lập 2 CĐCS").unit).toBe("LĐLĐ huyện Phú Riềng");
  });

  it("dates what it reports", () => {
    expect(read("hôm qua kết nạp 3 đv").date).toBe("2024-06-14");
    expect(read("kết nạp 2 đv ngày 10/6").date).toBe("2024-06-10");
    expect(read("kết nạp 2 đv").date).toBeUndefined();
    expect(parse("hôm qua kết nạp 3 đv").date).toBeUndefined();
  });

  it("reads a day or month named without its year as the last one that has passed", () => {
    expect(read("tháng 12 kết nạp 5 đv").date).toBe("2023-12-01");
    expect(read("ngày 2/11 kết nạp 5 đv").date).toBe("2023-11-02");
  });

  it("keeps a date a few days ahead as said, for the bot to point out", () => {
    expect(read("ngày 20/6 kết nạp 4 đv").date).toBe("2024-06-20");
    expect(read("mai kết nạp 4 đv").date).toBe("2024-06-16");
  });

  it("reads abbreviated dates", () => {
    expect(read("hqua kn 3 dv").date).toBe("2024-06-14");
  });

  it("does not take the date of an occasion as the date of the report", () => {
    expect(read("tổ chức giải bóng đá chào mừng 28/7").date).toBeUndefined();
  });

  it("lists the people named after the count", () => {
    expect(read("kết nạp 2 đv: Nguyễn Văn An, Trần Thị Bình").people).toEqual(["Nguyễn Văn An", "Trần Thị Bình"]);
    expect(read("kết nạp 3 đv (anh Hùng, chị Lan, chị Mai)").people).toEqual(["Hùng", "Lan", "Mai"]);
    expect(read("giảm 1 đv (về hưu)").people).toBeUndefined();
  });
});

describe("hard cases", () => {
  it("a question about a report is not a report", () => {
    expect(read("đã kết nạp 5 đv chưa?")).toEqual({ intent: "ask_progress", metric: "ket_nap" });
    expect(read("mình cần kết nạp thêm bao nhiêu nữa?")).toEqual({ intent: "ask_remaining", metric: "ket_nap" });
    expect(read("kết nạp được mấy người rồi").intent).toBe("ask_progress");
  });

  it("a negation reports zero", () => {
    expect(read("không kết nạp được ai").reports).toEqual([{ event: "join", count: 0 }]);
    expect(read("ko có đv mới").reports).toEqual([{ event: "join", count: 0 }]);
    expect(read("ko ai nghỉ").reports).toEqual([{ event: "leave", count: 0 }]);
    expect(read("k kết nạp được ai").reports).toEqual([{ event: "join", count: 0 }]);
  });

  it("'năm' is five before a noun and a year elsewhere", () => {
    expect(read("kết nạp năm đoàn viên").reports).toEqual([{ event: "join", count: 5 }]);
    expect(read("năm nay phải kết nạp bao nhiêu")).toEqual({ intent: "ask_remaining", metric: "ket_nap" });
    expect(read("năm 2024 kết nạp được 30 đv").reports).toEqual([{ event: "join", count: 30 }]);
    expect(read("ông Năm về hưu").reports).toEqual([{ event: "leave" }]);
  });

  it("'k' alone is không; glued to a number it is thousands", () => {
    expect(read("k có đv mới").reports).toEqual([{ event: "join", count: 0 }]);
    expect(read("toàn quận kết nạp 5k đv").reports).toEqual([{ event: "join", count: 5000 }]);
  });

  it("'kết nạp' inside a referral to the Party is the referral", () => {
    expect(read("giới thiệu 3 đv ưu tú để Đảng xem xét kết nạp").reports).toEqual([
      { event: "party_referral", count: 3 },
    ]);
    expect(read("2 đv được kết nạp Đảng").reports).toEqual([{ event: "party_referral", count: 2 }]);
  });

  it("dates, times, phone numbers, company names and worker counts are never counts", () => {
    expect(read("mai họp lúc 8h").intent).toBe("unknown");
    expect(read("Công ty 500 lao động").intent).toBe("unknown");
    expect(read("số điện thoại 0912345678").intent).toBe("unknown");
    expect(read("Công ty May 10 kết nạp 3 đv")).toEqual({
      intent: "report",
      reports: [{ event: "join", count: 3 }],
      unit: "Công ty May 10",
    });
    expect(read("Công ty 500 lao động, kết nạp được 12 người").reports).toEqual([{ event: "join", count: 12 }]);
    expect(read("gọi 0912345678, kết nạp 2 đv").reports).toEqual([{ event: "join", count: 2 }]);
    expect(read("ngày 20/7 kết nạp 4 đv").reports).toEqual([{ event: "join", count: 4 }]);
    expect(read("báo cáo 6 tháng").intent).not.toBe("report");
  });

  it("survives extra spaces, capitals, glued counts and partial marks", () => {
    for (const text of ["kết   nạp   5   đv", "KẾT NẠP 5 ĐV", "5đv mới", "kn5dv", "kêt nap 5 dv", "Ket Nap 5 Dv"]) {
      expect(read(text).reports, text).toEqual([{ event: "join", count: 5 }]);
    }
  });

  it("is not fooled by names that are number or date words", () => {
    expect(read("kết nạp 3 đv: anh Hai, chị Ba, anh Tư").people).toEqual(["Hai", "Ba", "Tư"]);
    expect(read("chị Mai nghỉ việc").reports).toEqual([{ event: "leave" }]);
    expect(read("chị Mai nghỉ việc").date).toBeUndefined();
  });

  it("reads an intention as no report", () => {
    expect(read("sẽ kết nạp 10 người vào tháng sau").intent).toBe("unknown");
    expect(read("dự kiến cuối tháng kết nạp 8 đv").intent).toBe("unknown");
    expect(read("cty ABC có nhu cầu thành lập công đoàn").intent).toBe("unknown");
  });

  it("does not take hiring or leave for membership changes", () => {
    expect(read("tuyển thêm 5 công nhân mới").intent).toBe("unknown");
    expect(read("chị Hoa nghỉ phép 3 ngày").intent).toBe("unknown");
    expect(read("có 2 chị nghỉ sinh").intent).toBe("unknown");
  });
});

describe("asks", () => {
  it.each<[string, Parse]>([
    ["còn thiếu bao nhiêu đoàn viên", { intent: "ask_remaining", metric: "doan_vien" }],
    ["con thieu bao nhieu dv", { intent: "ask_remaining", metric: "doan_vien" }],
    ["còn bao nhiêu nữa thì đạt", { intent: "ask_remaining" }],
    ["thực tăng còn thiếu bao nhiêu", { intent: "ask_remaining", metric: "thuc_tang" }],
    ["tiến độ", { intent: "ask_progress" }],
    ["tình hình thực hiện chỉ tiêu", { intent: "ask_progress" }],
    ["đạt bao nhiêu % rồi", { intent: "ask_progress" }],
    ["tiến độ của nđ xe ôm", { intent: "ask_progress", unit: "nđ xe ôm" }],
    ["tien do thanh lap cdcs", { intent: "ask_progress", metric: "thanh_lap_cdcs" }],
    ["hạn nộp khi nào", { intent: "ask_deadlines" }],
    ["sắp tới hạn gì", { intent: "ask_deadlines" }],
    ["deadline", { intent: "ask_deadlines" }],
  ])("reads %s", (text, expected) => {
    expect(read(text)).toEqual(expected);
  });
});

describe("short exchanges", () => {
  it.each<[string, Parse["intent"]]>([
    ["hoàn tác", "undo"],
    ["nhập nhầm, xóa báo cáo vừa rồi", "undo"],
    ["hủy", "undo"],
    ["Xóa báo cáo kết nạp 5 đv vừa gửi", "undo"],
    ["hướng dẫn", "help"],
    ["làm sao để báo cáo kết nạp?", "help"],
    ["chào bot", "greet"],
    ["xin chào", "greet"],
    ["alo", "greet"],
    ["cảm ơn", "thanks"],
    ["tks", "thanks"],
    ["thanks e", "thanks"],
    ["hôm nay trời mưa to quá", "unknown"],
    ["", "unknown"],
  ])("reads %s as %s", (text, intent) => {
    expect(read(text).intent).toBe(intent);
  });

  it("takes a report over the greeting around it", () => {
    expect(read("chào bot, kết nạp 5 đv").intent).toBe("report");
  });

  it("takes 'Huy' after 'anh' as a name, not as 'hủy'", () => {
    expect(read("anh Huy nghỉ việc").intent).toBe("report");
  });
});

describe("suggest", () => {
  it("offers the intents a garbled message was closest to, best first", () => {
    expect(suggest("tieen doo")[0]).toBe("ask_progress");
    expect(suggest("con thieeu")[0]).toBe("ask_remaining");
    expect(suggest("hanj nop")[0]).toBe("ask_deadlines");
    expect(suggest("huong dn")[0]).toBe("help");
  });

  it("returns as many as asked, without repeats and never 'unknown'", () => {
    for (const text of ["xyz", "tieen doo", "", "kết nạp 5"]) {
      const got = suggest(text, 3);
      expect(got).toHaveLength(3);
      expect(new Set(got).size).toBe(3);
      expect(got).not.toContain("unknown");
    }
    expect(suggest("tieen doo", 2)).toHaveLength(2);
  });

  it("puts first what the message plainly says", () => {
    expect(suggest("kết nạp 5 đv")[0]).toBe("report");
  });
});
