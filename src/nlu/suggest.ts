// For a message the bot did not understand: the intents it most likely meant, from the words
// of each intent it comes close to ("tieen doo" is near "tiến độ"), so the bot can offer them.

import { canonicalize } from "./canonical-text.ts";
import { editDistance } from "./edit-distance.ts";
import type { Intent, SentenceIntent } from "./types.ts";

type Known = Exclude<SentenceIntent, "unknown">;

const VOCABULARY: Readonly<Record<Known, readonly string[]>> = {
  report: [
    "ket nap",
    "nghi viec",
    "nghi huu",
    "chuyen cong tac",
    "thanh lap",
    "gioi thieu",
    "to chuc",
    "doan vien",
    "giam",
    "bao cao",
    "moi",
  ],
  ask_remaining: ["con thieu", "thieu", "bao nhieu nua", "can them", "con lai", "con bao nhieu"],
  ask_progress: ["tien do", "tinh hinh", "ket qua", "phan tram", "ty le", "chi tieu", "thong ke", "so lieu", "dat"],
  ask_deadlines: ["han", "deadline", "khi nao", "bao gio", "lich", "nop", "thoi han", "sap toi"],
  undo: ["hoan tac", "xoa", "huy", "nham", "sai", "undo"],
  help: ["huong dan", "giup", "help", "cach", "lam sao", "menu", "chuc nang", "su dung"],
  greet: ["chao", "alo", "hello"],
  thanks: ["cam on", "thanks", "tks"],
};

// When nothing is near: what people most often want from the bot.
const PRIOR: readonly Known[] = [
  "ask_progress",
  "report",
  "help",
  "ask_remaining",
  "ask_deadlines",
  "undo",
  "thanks",
  "greet",
];
const ASKS = / (?:bao nhieu|may|khi nao|chua|khong|sao|gi|nao) |\?/;

function closeness(word: string, target: string): number {
  if (word === target) return 1;
  if (target.length >= 3 && word.length >= 3 && (target.startsWith(word) || word.startsWith(target))) return 0.6;
  const distance = editDistance(word, target, 2);
  // Short words are too close to each other ("cao" and "chao") for a typo to mean anything.
  if (distance === 1 && target.length >= 4 && word.length >= 4) return 0.7;
  if (distance === 2 && target.length >= 6) return 0.4;
  return 0;
}

/** How near the words come to a phrase: all its words near, or half a phrase said exactly. */
function phraseScore(words: readonly string[], phrase: string): number {
  const targets = phrase.split(" ");
  let worst = 1;
  let exact = false;
  for (const target of targets) {
    let best = 0;
    for (const word of words) best = Math.max(best, closeness(word, target));
    worst = Math.min(worst, best);
    // Only a distinctive word counts on its own: "hướng" of "hướng dẫn", not "bao" of "bao giờ".
    exact ||= best === 1 && target.length >= 4;
  }
  if (worst > 0) return worst;
  return targets.length > 1 && exact ? 0.4 : 0;
}

/** Ranked guesses for text, `own` (its parse's intent) first when it has one; never "unknown". */
export function rankIntents(text: string, own: Intent, limit: number): Intent[] {
  const canonical = canonicalize(text);
  const words = canonical.tokens.map((t) => t.form).filter((f) => /^[a-z]/.test(f));
  const padded = ` ${canonical.text} `;
  const scores = new Map<Known, number>();
  for (const intent of PRIOR) {
    const hits = VOCABULARY[intent].map((phrase) => phraseScore(words, phrase)).filter((s) => s > 0);
    let score = hits.length === 0 ? 0 : Math.max(...hits) + 0.05 * (hits.length - 1);
    if (intent.startsWith("ask_") && ASKS.test(padded) && score > 0) score += 0.2;
    if (intent === "report" && / #\d+ /.test(padded)) score += 0.3;
    scores.set(intent, score);
  }
  const ranked = [...PRIOR].sort((a, b) => (scores.get(b) ?? 0) - (scores.get(a) ?? 0));
  const ordered = own === "unknown" ? ranked : [own, ...ranked.filter((i) => i !== own)];
  return ordered.slice(0, Math.max(0, limit));
}
