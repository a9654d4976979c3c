import { describe, expect, it } from "vitest";
import { readMessage } from "#nlu/index.ts";
import { readMemberEdit } from "#nlu/member-edit.ts";
import { readMemberEntry } from "#nlu/member-entry.ts";

describe("reading a member typed in chat", () => {
  it("reads the example with every part labelled or not", () => {
    expect(
      readMemberEntry("Nguyễn Thị Lan, nữ, 12/03/1995, CCCD 079195001234, quê Bến Tre, vào CĐ 20/11/2026"),
    ).toEqual({
      fullName: "Nguyễn Thị Lan",
      gender: "female",
      birthDate: "12/03/1995",
      idNumber: "079195001234",
      hometown: "Bến Tre",
      joinedOn: "20/11/2026",
    });
  });

  it("reads what officers type on phones: no marks, dashes, grouped digits, lines, labels", () => {
    expect(readMemberEntry("nguyen van an, nam, sinh 1-2-1990, cccd 001 090 012 345")).toEqual({
      fullName: "nguyen van an",
      gender: "male",
      birthDate: "01/02/1990",
      idNumber: "001090012345",
    });
    expect(
      readMemberEntry(
        "Họ tên: Lê Thị Hoa\nGiới tính: Nữ\nNgày sinh: 05.06.1988\nSố CCCD: 083188000111\nQuê quán: Mỏ Cày, Bến Tre\nNgày vào CĐ: 01/12/2026",
      ),
    ).toEqual({
      fullName: "Lê Thị Hoa",
      gender: "female",
      birthDate: "05/06/1988",
      idNumber: "083188000111",
      hometown: "Mỏ Cày, Bến Tre",
      joinedOn: "01/12/2026",
    });
    expect(
      readMemberEntry("Trần Văn Tú; nam; 083092000111; ngày kết nạp 20/11/2026; dân tộc Khmer; tôn giáo Phật giáo"),
    ).toMatchObject({
      idNumber: "083092000111",
      joinedOn: "20/11/2026",
      ethnicity: "Khmer",
      religion: "Phật giáo",
    });
  });

  it("reads the answer to a question about one missing part", () => {
    expect(readMemberEntry("quê Bến Tre")).toEqual({ hometown: "Bến Tre" });
    expect(readMemberEntry("vào CĐ 01/11/2026")).toEqual({ joinedOn: "01/11/2026" });
    expect(readMemberEntry("sinh ngày 05/06/1990")).toEqual({ birthDate: "05/06/1990" });
  });

  it("keeps a place's own commas after the hometown, rather than reading a name there", () => {
    expect(readMemberEntry("que Mo Cay Bac, Ben Tre")).toEqual({ hometown: "Mo Cay Bac, Ben Tre" });
    expect(readMemberEntry("quê Mỏ Cày Bắc, Bến Tre, nữ")).toEqual({
      hometown: "Mỏ Cày Bắc, Bến Tre",
      gender: "female",
    });
    expect(readMemberEntry("Nguyễn Thị Lan, quê Bến Tre, 12/03/1995")).toEqual({
      fullName: "Nguyễn Thị Lan",
      hometown: "Bến Tre",
      birthDate: "12/03/1995",
    });
  });
});

describe("reading a chair opening a member's record to correct it", () => {
  it("reads the member's name, with or without marks, and corrections given with it", () => {
    expect(readMemberEdit("sửa đoàn viên Nguyễn Văn An")).toEqual({ name: "Nguyễn Văn An" });
    expect(readMemberEdit("sua dv nguyen van an")).toEqual({ name: "nguyen van an" });
    expect(readMemberEdit("Sửa hồ sơ đv Lê Thị Hoa: quê Mỏ Cày Bắc, Bến Tre")).toEqual({
      name: "Lê Thị Hoa",
      fields: { hometown: "Mỏ Cày Bắc, Bến Tre" },
    });
    expect(readMemberEdit("cập nhật thông tin đoàn viên Trần Văn Tú, ngày sinh 02/02/1992")).toEqual({
      name: "Trần Văn Tú",
      fields: { birthDate: "02/02/1992" },
    });
    expect(readMemberEdit("sửa đoàn viên")).toEqual({});
    expect(readMessage("sua dv Nguyen Van An, cccd 001090012345")).toMatchObject({
      intent: "member_edit",
      edit: { name: "Nguyen Van An", fields: { idNumber: "001090012345" } },
    });
  });

  it("leaves other corrections and counts alone", () => {
    for (const text of ["sửa lại báo cáo", "sửa đv 3 người", "sửa hồ sơ của tôi", "sửa số liệu kết nạp"])
      expect(readMemberEdit(text), text).toBeUndefined();
  });

  it("leaves reports, questions and names alone", () => {
    for (const text of [
      "kết nạp 5 đoàn viên",
      "hôm qua kết nạp 3 đv",
      "con thieu bao nhieu dv",
      "tiến độ",
      "2 đv nghỉ việc",
      "Nguyễn Văn An",
    ])
      expect(readMemberEntry(text), text).toBeUndefined();
    expect(readMessage("kết nạp 5 đoàn viên ngày 12/03/2026").intent).toBe("report");
    expect(readMessage("Nguyễn Thị Lan, nữ, 12/03/1995, CCCD 079195001234").intent).toBe("member_entry");
  });
});
