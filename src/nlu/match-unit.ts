// Matches the way people name a unit in chat ("cty ABC", "nđ xe om", "thcs so 2") against the
// registered names ("CĐCS Công ty ABC", "Nghiệp đoàn xe ôm", "Trường THCS số 2").

import { expandAbbreviations } from "./abbreviations.ts";
import { editDistance } from "./edit-distance.ts";

// Words every unit of a kind shares: they say nothing about which unit is meant.
const GENERIC_PHRASES =
  /(?<![^ ])(?:cong doan co so|cong doan bo phan|cong doan|nghiep doan|cong ty|trach nhiem huu han|tnhh|mot thanh vien|mtv|co phan|cp|truong|doanh nghiep|don vi|xi nghiep|cua|tai|ben|o)(?![^ ])/g;
const SHORT_FORMS: ReadonlyArray<[RegExp, string]> = [
  [/(?<![^ ])trung hoc co so(?![^ ])/g, "thcs"],
  [/(?<![^ ])trung hoc pho thong(?![^ ])/g, "thpt"],
  [/(?<![^ ])uy ban nhan dan(?![^ ])/g, "ubnd"],
  [/(?<![^ ])benh vien(?![^ ])/g, "bv"],
  [/(?<![^ ])mam non(?![^ ])/g, "mn"],
  [/(?<![^ ])tieu hoc(?![^ ])/g, "th"],
  [/(?<![^ ])thanh pho(?![^ ])/g, "tp"],
];
const NUMBER_WORD = /(?<![^ ])so (?=\d)/g;

/** A unit name reduced to the words that tell it apart, for comparing and indexing. */
export function unitNameKey(name: string): string {
  let text = expandAbbreviations(name).replace(/[^a-z0-9 ]/g, " ");
  for (const [pattern, short] of SHORT_FORMS) text = text.replace(pattern, short);
  text = text.replace(NUMBER_WORD, "").replace(/\s+/g, " ").trim();
  const distinct = text.replace(GENERIC_PHRASES, " ").replace(/\s+/g, " ").trim();
  return (distinct === "" ? text : distinct).replace(/(?<![^ ])0+(?=\d)/g, "");
}

function wordMatch(q: string, c: string): number {
  if (q === c) return 1;
  if (/\d/.test(q) || /\d/.test(c)) return 0;
  if (q.length >= 4 && c.length >= 4 && editDistance(q, c, 1) <= 1) return 0.8;
  if (q.length >= 3 && c.startsWith(q)) return 0.7;
  return 0;
}

const PLAUSIBLE = 0.55;

/** Candidates the query may name, best first; only plausible ones. Scores are in (0, 1]. */
export function matchUnit(
  query: string,
  candidates: ReadonlyArray<{ id: number; name: string }>,
): { id: number; score: number }[] {
  const qKey = unitNameKey(query);
  const q = qKey.split(" ").filter((w) => w !== "");
  if (q.length === 0) return [];
  const results: { id: number; score: number }[] = [];
  for (const candidate of candidates) {
    const cKey = unitNameKey(candidate.name);
    const c = cKey.split(" ").filter((w) => w !== "");
    if (c.length === 0) continue;
    let score: number;
    if (cKey === qKey) score = 1;
    else {
      const taken = new Set<number>();
      let found = 0;
      for (const word of q) {
        let best = 0;
        let bestAt = -1;
        c.forEach((cw, k) => {
          const s = taken.has(k) ? 0 : wordMatch(word, cw);
          if (s > best) {
            best = s;
            bestAt = k;
          }
        });
        if (bestAt >= 0) taken.add(bestAt);
        found += best;
      }
      const recall = found / q.length;
      const precision = taken.size / c.length;
      if (recall < 0.6) continue;
      score = 0.65 * recall + 0.3 * precision;
      // "Trường THCS số 2" is not "Trường THCS số 3": numbers in a name must agree.
      const qNumbers = q.filter((w) => /\d/.test(w));
      const cNumbers = c.filter((w) => /\d/.test(w));
      if (
        qNumbers.some((n) => !cNumbers.includes(n)) ||
        (qNumbers.length > 0 && cNumbers.some((n) => !qNumbers.includes(n)))
      ) {
        score *= 0.4;
      }
      if (cKey.includes(qKey)) score += 0.04;
      score = Math.min(score, 0.99);
    }
    if (score >= PLAUSIBLE) results.push({ id: candidate.id, score: Math.round(score * 1000) / 1000 });
  }
  return results.sort((a, b) => b.score - a.score);
}
