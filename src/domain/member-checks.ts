// The checks every member goes through, however entered (a chat message, a file): a Vietnamese name with its
// marks, real dates, an age of 15 to 80 at joining, and an ID number whose structure agrees with the birth date
// and gender given. Each problem is a Fluent key with its arguments, named in the reader's language.
import type { Gender } from "#db/schema.ts";
import { foldDiacritics } from "#nlu/fold-diacritics.ts";
import type { MemberFields } from "#nlu/types.ts";
import { isValidDay } from "./calendar.ts";
import type { Problem } from "./import.ts";
import { PROVINCE_CODES } from "./province-codes.ts";

/** A member that passed every check: dates as YYYY-MM-DD, the name in NFC with each word capitalised. */
export interface CheckedMember {
  fullName: string;
  gender: Gender;
  birthDate: string;
  idNumber: string;
  hometown: string;
  joinedOn: string;
  cardNumber?: string;
  ethnicity?: string;
  religion?: string;
}

export const REQUIRED_FIELDS = ["fullName", "gender", "birthDate", "idNumber", "hometown", "joinedOn"] as const;
export type RequiredField = (typeof REQUIRED_FIELDS)[number];

export type MemberCheck =
  | { ok: true; member: CheckedMember }
  | { ok: false; missing: RequiredField[]; problems: Problem[] };

export const MIN_AGE = 15;
export const MAX_AGE = 80;

/** "nguyễn  thị lan" → "Nguyễn Thị Lan", in NFC. */
export function tidyName(name: string): string {
  return name
    .normalize("NFC")
    .trim()
    .split(/\s+/)
    .map((word) => word.charAt(0).toLocaleUpperCase("vi") + word.slice(1).toLocaleLowerCase("vi"))
    .join(" ");
}

/** Family and middle names that Vietnamese always writes with marks: seen bare, the whole name was typed bare. */
const ALWAYS_MARKED = new Set([
  "nguyen",
  "tran",
  "le",
  "pham",
  "hoang",
  "huynh",
  "vu",
  "vo",
  "dang",
  "bui",
  "do",
  "ho",
  "ngo",
  "duong",
  "dinh",
  "trinh",
  "doan",
  "luong",
  "thi",
  "van",
  "duc",
  "quoc",
  "huu",
  "cong",
  "hong",
]);

function nameProblem(name: string): Problem | undefined {
  const words = name.split(" ");
  if (words.length < 2 || words.length > 7 || !words.every((w) => /^\p{L}+$/u.test(w)))
    return { key: "member-name-letters", args: { name } };
  // Some names have no marks at all ("Phan Thu Mai"); a name with none that has a word always written with
  // them ("Nguyen", "Thi", "Van") was typed without them.
  if (foldDiacritics(name) === name && words.some((w) => ALWAYS_MARKED.has(w.toLowerCase())))
    return { key: "member-name-marks", args: { name } };
  return undefined;
}

/** "12/03/1995" → "1995-03-12", or the problem with it. */
export function readMemberDate(text: string, field: "birthDate" | "joinedOn"): string | Problem {
  // Spreadsheets give their date cells as YYYY-MM-DD.
  if (/^\d{4}-\d{2}-\d{2}$/.test(text.trim())) {
    const iso = text.trim();
    return isValidDay(iso) ? iso : { key: "member-date-none", args: { field, text } };
  }
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  if (!match) return { key: "member-date-form", args: { field, text } };
  const day = `${match[3]}-${match[2]?.padStart(2, "0")}-${match[1]?.padStart(2, "0")}`;
  return isValidDay(day) ? day : { key: "member-date-none", args: { field, text } };
}

/** Whole years from a birth date to a day. */
export function ageOn(birthDate: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return day.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** The gender and century the ID number's fourth digit stands for (0/1: 1900s, 2/3: 2000s, 4/5: 2100s). */
function centuryDigit(digit: number): { gender: Gender; century: number } | undefined {
  if (digit > 5) return undefined;
  return { gender: digit % 2 === 0 ? "male" : "female", century: 1900 + Math.floor(digit / 2) * 100 };
}

/** Problems with an ID number's structure, and with its agreement with the birth date and gender given. */
export function idNumberProblems(idNumber: string, birthDate?: string, gender?: Gender): Problem[] {
  if (!/^\d{12}$/.test(idNumber))
    return [{ key: "member-id-digits", args: { count: idNumber.replace(/\D/g, "").length, text: idNumber } }];
  const problems: Problem[] = [];
  const province = idNumber.slice(0, 3);
  if (!PROVINCE_CODES[province]) problems.push({ key: "member-id-province", args: { code: province } });
  const digit = Number(idNumber[3]);
  const coded = centuryDigit(digit);
  if (!coded) return [...problems, { key: "member-id-century", args: { digit } }];
  const idYear = coded.century + Number(idNumber.slice(4, 6));
  if (birthDate && Number(birthDate.slice(0, 4)) !== idYear)
    // A year as text: Fluent would group a number's thousands ("1.995").
    problems.push({ key: "member-id-year", args: { idYear: String(idYear), birthYear: birthDate.slice(0, 4) } });
  if (gender && gender !== coded.gender)
    problems.push({ key: "member-id-gender", args: { digit, idGender: coded.gender, gender } });
  return problems;
}

/** Checks a member as typed; today bounds the joining date. */
export function checkMember(fields: MemberFields, today: string): MemberCheck {
  const missing = REQUIRED_FIELDS.filter((field) => !fields[field]?.toString().trim());
  const problems: Problem[] = [];
  const fullName = fields.fullName ? tidyName(fields.fullName) : "";
  const badName = fullName ? nameProblem(fullName) : undefined;
  if (badName) problems.push(badName);
  const dates: Partial<Record<"birthDate" | "joinedOn", string>> = {};
  for (const field of ["birthDate", "joinedOn"] as const) {
    const text = fields[field];
    if (!text) continue;
    const read = readMemberDate(text, field);
    if (typeof read === "string") dates[field] = read;
    else problems.push(read);
  }
  const { birthDate, joinedOn } = dates;
  if (joinedOn && joinedOn > today)
    problems.push({ key: "member-joined-future", args: { text: fields.joinedOn ?? "" } });
  if (birthDate && joinedOn) {
    const age = ageOn(birthDate, joinedOn);
    if (age < MIN_AGE || age > MAX_AGE) problems.push({ key: "member-age", args: { age, min: MIN_AGE, max: MAX_AGE } });
  }
  const idNumber = fields.idNumber?.replace(/[\s.]/g, "");
  if (idNumber) problems.push(...idNumberProblems(idNumber, birthDate, fields.gender));
  if (missing.length > 0 || problems.length > 0) return { ok: false, missing, problems };
  const optional = (text: string | undefined) => text?.normalize("NFC").trim() || undefined;
  const cardNumber = optional(fields.cardNumber);
  const ethnicity = optional(fields.ethnicity);
  const religion = optional(fields.religion);
  return {
    ok: true,
    member: {
      fullName,
      gender: fields.gender as Gender,
      birthDate: birthDate as string,
      idNumber: idNumber as string,
      hometown: (fields.hometown ?? "").normalize("NFC").trim(),
      joinedOn: joinedOn as string,
      ...(cardNumber ? { cardNumber } : {}),
      ...(ethnicity ? { ethnicity } : {}),
      ...(religion ? { religion } : {}),
    },
  };
}
