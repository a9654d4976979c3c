import { describe, expect, it } from "vitest";
import { ageOn, checkMember, idNumberProblems, tidyName } from "#domain/member-checks.ts";
import { PROVINCE_CODES } from "#domain/province-codes.ts";
import { maskIdNumber, memberVault, newMemberKey } from "#domain/member-vault.ts";

const TODAY = "2026-12-01";
const LAN = {
  fullName: "Nguyễn Thị Lan",
  gender: "female" as const,
  birthDate: "12/03/1995",
  idNumber: "079195001234",
  hometown: "Bến Tre",
  joinedOn: "20/11/2026",
};
const keys = (fields: Parameters<typeof checkMember>[0]) => {
  const checked = checkMember(fields, TODAY);
  return checked.ok ? [] : checked.problems.map((p) => p.key);
};

describe("the checks on a member", () => {
  it("accepts the example from the plans, with dates as YYYY-MM-DD", () => {
    expect(checkMember(LAN, TODAY)).toEqual({
      ok: true,
      member: { ...LAN, birthDate: "1995-03-12", joinedOn: "2026-11-20" },
    });
  });

  it("writes a name typed in lower case or decomposed (NFD) as NFC with capitals", () => {
    expect(tidyName("  nguyễn   thị lan ")).toBe("Nguyễn Thị Lan");
    const decomposed = "Nguyễn Thị Lan".normalize("NFD");
    const checked = checkMember({ ...LAN, fullName: decomposed }, TODAY);
    expect(checked.ok && checked.member.fullName).toBe("Nguyễn Thị Lan".normalize("NFC"));
  });

  it("asks for marks on a name typed without them, and refuses digits or a single word", () => {
    expect(keys({ ...LAN, fullName: "Nguyen Thi Lan" })).toEqual(["member-name-marks"]);
    // Some names have no marks at all, and are right so.
    expect(keys({ ...LAN, fullName: "Phan Thu Mai" })).toEqual([]);
    expect(keys({ ...LAN, fullName: "Lan" })).toEqual(["member-name-letters"]);
    expect(keys({ ...LAN, fullName: "Nguyễn Thị Lan 2" })).toEqual(["member-name-letters"]);
  });

  it("names a date that is not DD/MM/YYYY or not a day at all", () => {
    expect(keys({ ...LAN, birthDate: "1995" })).toContain("member-date-form");
    expect(keys({ ...LAN, birthDate: "31/02/1995" })).toContain("member-date-none");
    expect(keys({ ...LAN, joinedOn: "20/12/2026" })).toEqual(["member-joined-future"]);
  });

  it("keeps members between 15 and 80 years old at joining", () => {
    expect(ageOn("1995-03-12", "2010-03-11")).toBe(14);
    expect(ageOn("1995-03-12", "2010-03-12")).toBe(15);
    // Born 2012 with a matching ID number: 14 at joining in 2026.
    expect(keys({ ...LAN, birthDate: "01/12/2012", idNumber: "079312001234" })).toEqual(["member-age"]);
    expect(keys({ ...LAN, birthDate: "20/11/2011", idNumber: "079311001234" })).toEqual([]);
    expect(keys({ ...LAN, birthDate: "19/11/1945", idNumber: "079145001234" })).toEqual(["member-age"]);
  });

  it("reads the ID number's structure against the birth date and gender given", () => {
    expect(idNumberProblems("07919500123").map((p) => p.key)).toEqual(["member-id-digits"]);
    expect(idNumberProblems("003195001234").map((p) => p.key)).toEqual(["member-id-province"]);
    expect(idNumberProblems("079695001234").map((p) => p.key)).toEqual(["member-id-century"]);
    expect(idNumberProblems("079195001234", "1996-03-12", "female").map((p) => p.key)).toEqual(["member-id-year"]);
    expect(idNumberProblems("079095001234", "1995-03-12", "female")).toEqual([
      { key: "member-id-gender", args: { digit: 0, idGender: "male", gender: "female" } },
    ]);
    // Born in 2001, male: century digit 2.
    expect(idNumberProblems("001201012345", "2001-05-05", "male")).toEqual([]);
  });

  it("knows every province code of the circular, and nothing else", () => {
    expect(Object.keys(PROVINCE_CODES)).toHaveLength(63);
    expect(PROVINCE_CODES["079"]).toBe("TP Hồ Chí Minh");
    expect(PROVINCE_CODES["083"]).toBe("Bến Tre");
    expect(PROVINCE_CODES["003"]).toBeUndefined();
  });

  it("says what is missing without calling it a problem", () => {
    const checked = checkMember({ fullName: "Nguyễn Văn Hùng", idNumber: "001090012345" }, TODAY);
    expect(checked).toEqual({ ok: false, missing: ["gender", "birthDate", "hometown", "joinedOn"], problems: [] });
  });
});

describe("the vault", () => {
  it("seals so that only the same key and field open it, and hashes ID numbers by key", () => {
    const vault = memberVault(newMemberKey());
    const sealed = vault.seal("id_number", "079195001234");
    expect(sealed).not.toContain("079195001234");
    expect(vault.seal("id_number", "079195001234")).not.toBe(sealed);
    expect(vault.open("id_number", sealed)).toBe("079195001234");
    expect(() => vault.open("hometown", sealed)).toThrow();
    expect(() => memberVault(newMemberKey()).open("id_number", sealed)).toThrow();
    expect(vault.idHash("079195001234")).toBe(vault.idHash("079195001234"));
    expect(memberVault(newMemberKey()).idHash("079195001234")).not.toBe(vault.idHash("079195001234"));
    expect(maskIdNumber("079195001234")).toBe("079*****1234");
  });
});
