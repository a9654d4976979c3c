// One member typed in free form: "Nguyễn Thị Lan, nữ, 12/03/1995, CCCD 079195001234, quê Bến Tre, vào CĐ
// 20/11/2026". The parts may come in any order, separated by commas, semicolons or lines, each with or without
// its label; the answer to a question about one missing part ("quê Bến Tre") is read the same way. What is
// read is kept as typed: whether it is right is for the domain's checks to say.
import { foldDiacritics } from "./fold-diacritics.ts";
import type { MemberFields } from "./types.ts";

const DATE = String.raw`(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})`;
const DATE_ONLY = new RegExp(`^${DATE}$`);
/** An ID number as people type it: 12 digits, sometimes in groups ("079 195 001 234"). */
const ID_DIGITS = /^\d[\d .]{7,16}\d$/;

type DatedField = "birthDate" | "joinedOn";
type TextField = "fullName" | "hometown" | "ethnicity" | "religion" | "cardNumber" | "idNumber";

/** Labels on the folded, lower-case text, each ending where the value starts. */
const LABELS: { field: DatedField | TextField | "gender"; label: RegExp }[] = [
  {
    field: "idNumber",
    label:
      /^(?:so\s+)?(?:cccd|cmnd|cmt|can\s+cuoc(?:\s+cong\s+dan)?|(?:so\s+)?dinh\s+danh(?:\s+ca\s+nhan)?)\s*[:.]?\s*/,
  },
  {
    field: "joinedOn",
    label: /^(?:ngay\s+)?(?:vao|ket\s+nap|gia\s+nhap)(?:\s+(?:cd|cong\s+doan|doan))?(?:\s+ngay)?\s*[:.]?\s*/,
  },
  { field: "birthDate", label: /^(?:ngay\s+sinh|sinh\s+ngay|sinh\s+nam|sinh|ns|dob)\s*[:.]?\s*/ },
  { field: "hometown", label: /^(?:que\s+quan|que|nguyen\s+quan|qq)\s*[:.]?\s*/ },
  { field: "ethnicity", label: /^dan\s+toc\s*[:.]?\s*/ },
  { field: "religion", label: /^ton\s+giao\s*[:.]?\s*/ },
  { field: "cardNumber", label: /^(?:so\s+the(?:\s+(?:doan\s+vien|dv))?|the\s+(?:doan\s+vien|dv))\s*[:.]?\s*/ },
  { field: "gender", label: /^(?:gioi\s+tinh|gt|phai)\s*[:.]?\s*/ },
  { field: "fullName", label: /^(?:ho\s+(?:va\s+)?ten|ten)\s*[:.]?\s*/ },
];

const GENDERS: Record<string, "male" | "female"> = { nam: "male", nu: "female", male: "male", female: "female" };

/** "12-3-1995", "12 / 03 / 1995" → "12/03/1995"; undefined when it is no date. */
function dateText(value: string): string | undefined {
  const match = DATE_ONLY.exec(value.trim());
  if (!match) return undefined;
  return `${match[1]?.padStart(2, "0")}/${match[2]?.padStart(2, "0")}/${match[3]}`;
}

/** A name: two to seven words of letters, nothing else. */
function looksLikeName(value: string): boolean {
  const words = value.trim().split(/\s+/);
  return words.length >= 2 && words.length <= 7 && words.every((w) => /^\p{L}+$/u.test(w));
}

/** One part, with its label or without; undefined when it says nothing this reader knows. */
function readPart(part: string, fields: MemberFields): boolean {
  const folded = foldDiacritics(part).toLowerCase();
  for (const { field, label } of LABELS) {
    const match = label.exec(folded);
    if (!match || match[0].length === 0) continue;
    const value = part.slice(match[0].length).trim();
    if (!value) return false;
    if (field === "gender") {
      const gender = GENDERS[foldDiacritics(value).toLowerCase()];
      if (!gender) return false;
      fields.gender = gender;
    } else if (field === "birthDate" || field === "joinedOn") {
      // "sinh năm 1995" gives a year only: kept as typed, for the check to ask for the whole date.
      const date = dateText(value) ?? (/^\d{4}$/.test(value) ? value : undefined);
      if (!date) return false;
      fields[field] = date;
    } else if (field === "idNumber") {
      fields.idNumber = value.replace(/[\s.]/g, "");
    } else {
      fields[field] = value;
    }
    return true;
  }
  return readUnlabelled(part, fields);
}

/** A part without a label: a gender word, an ID number, the birth date (the first bare date), or the name. */
function readUnlabelled(part: string, fields: MemberFields): boolean {
  const gender = GENDERS[foldDiacritics(part).toLowerCase()];
  if (gender) {
    fields.gender = gender;
    return true;
  }
  if (ID_DIGITS.test(part) && part.replace(/\D/g, "").length >= 9) {
    fields.idNumber = part.replace(/[\s.]/g, "");
    return true;
  }
  const date = dateText(part);
  if (date && !fields.birthDate) {
    fields.birthDate = date;
    return true;
  }
  if (!fields.fullName && looksLikeName(part)) {
    fields.fullName = part.trim();
    return true;
  }
  return false;
}

/**
 * The member a message describes, or undefined when it is not about one. A message counts when it gives an
 * ID number, or two or more parts, or starts with a labelled part (an answer to "quê quán?").
 */
export function readMemberEntry(text: string): MemberFields | undefined {
  const plain = text.normalize("NFC").trim();
  if (plain.startsWith("/")) return undefined;
  const parts = plain
    .split(/[,;\n]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  const fields: MemberFields = {};
  let read = 0;
  let unread = 0;
  let last: MemberFields = {};
  for (const part of parts) {
    const before = { ...fields };
    if (continuesPlace(part, last)) {
      // "quê Mỏ Cày Bắc, Bến Tre": the part after a hometown is the place's own, not a name.
      fields.hometown = `${fields.hometown}, ${part}`;
      read++;
    } else if (readPart(part, fields)) {
      read++;
      last = Object.fromEntries(Object.entries(fields).filter(([k, v]) => before[k as keyof MemberFields] !== v));
    } else if (last.hometown !== undefined && fields.hometown !== undefined) {
      // "Quê quán: Mỏ Cày, Bến Tre": a place's own commas.
      fields.hometown = `${fields.hometown}, ${part}`;
    } else {
      unread++;
    }
  }
  const labelledStart = parts[0] !== undefined && isLabelled(parts[0]);
  const enough = fields.idNumber !== undefined || read >= 2 || labelledStart;
  return enough && read > unread ? fields : undefined;
}

/** A part right after the hometown with no label that reads as neither a gender, an ID number nor a date. */
function continuesPlace(part: string, last: MemberFields): boolean {
  if (last.hometown === undefined || isLabelled(part) || !looksLikeName(part)) return false;
  return GENDERS[foldDiacritics(part).toLowerCase()] === undefined;
}

function isLabelled(part: string): boolean {
  const folded = foldDiacritics(part).toLowerCase();
  return LABELS.some(({ label }) => {
    const match = label.exec(folded);
    return match !== null && match[0].length > 0 && match[0].length < part.length;
  });
}
