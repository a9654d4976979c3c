// What a founding message says about the union or guild it founded: its name, the sector the name
// suggests, and its members and workers when given ("thành lập CĐCS Công ty TNHH Minh Phát, 25 đoàn viên").

import { sourceOf, type CanonicalText } from "./canonical-text.ts";
import type { FoundedUnit } from "./types.ts";
import { findFoundedName } from "./unit-mention.ts";

const MEMBERS = /(?:^| )#(\d+) (?:doan vien cong doan|doan vien|thanh vien)(?= |$)/;
const WORKERS =
  /(?:^| )#(\d+) (?:cong nhan vien chuc lao dong|cong nhan lao dong|nguoi lao dong|lao dong|cong nhan)(?= |$)/;
const NON_STATE = /(?:^| )(?:tnhh|co phan|cp|doanh nghiep tu nhan|dntn|lien doanh|von dau tu nuoc ngoai)(?= |$)/;
const STATE =
  /^(?:truong|benh vien|uy ban nhan dan|ubnd|so|phong|tram y te|trung tam y te|mam non|tieu hoc|thcs|thpt|chi cuc|ban quan ly|buu dien|kho bac|toa an|vien kiem sat|cong an)(?= |$)/;

function sectorOf(forms: string, guild: boolean): FoundedUnit["sector"] {
  if (guild) return "informal";
  if (NON_STATE.test(forms)) return "non_state";
  if (STATE.test(forms)) return "state";
  return undefined;
}

function countOf(re: RegExp, text: string): number | undefined {
  const n = re.exec(text)?.[1];
  return n === undefined ? undefined : Number(n);
}

/** The unit founded by the trigger whose words run from token `from` to `to` (exclusive), if named. */
export function readFoundedUnit(
  canonical: CanonicalText,
  from: number,
  to: number,
  guild: boolean,
): FoundedUnit | undefined {
  const span = findFoundedName(canonical, from, to);
  if (span === undefined) return undefined;
  const forms = (a: number, b: number) =>
    canonical.tokens
      .slice(a, b)
      .map((t) => t.form)
      .join(" ");
  const text = forms(from, to);
  const nameForms = forms(span.from, span.to);
  const name = sourceOf(canonical, span.from, span.to);
  const founded: FoundedUnit = { name };
  const sector = sectorOf(nameForms, guild);
  if (sector !== undefined) founded.sector = sector;
  const members = countOf(MEMBERS, text);
  if (members !== undefined) founded.members = members;
  const workers = countOf(WORKERS, text);
  if (workers !== undefined) founded.workers = workers;
  return founded;
}
