// Splits a canonical message into sentences and comma clauses, and tells which clauses ask
// something: "đã kết nạp 5 đv chưa?" is a question about a report, not a report.

import type { CanonicalText } from "./canonical-text.ts";

export interface Clauses {
  /** Clause index of each token. */
  clauseOf: number[];
  /** Sentence index of each token. */
  sentenceOf: number[];
  /** Whether each clause is a question. */
  question: boolean[];
  /** First token and one-past-last token of each clause. */
  bounds: Array<[number, number]>;
  /** How deep inside parentheses each token is. */
  depth: number[];
}

const CLAUSE_END = /^[,;.!?()…]$/;
const SENTENCE_END = /^[;.!?]$/;

// Words that ask wherever they stand in the clause.
const ASKING =
  / (?:bao nhieu|bao gio|bao lau|the nao|nhu the nao|ra sao|sao|gi|nao|(?:o|toi|den|di|ve) dau|dau roi)(?= )/;
// Particles that ask only at the end of a clause, possibly followed by softeners.
const ASKING_AT_END =
  / (?:chua|khong|ha|nhi|chu|the)(?: (?:a|ha|nhi|vay|the|ta|em|anh|chi|ban|bot|ak|nhe|nha|z|hen|oi|ca nha|moi nguoi))* $/;
const NEGATION_BEFORE_NAO = / (?:khong|chua|chang)(?: [a-z]+)* (?:nao|gi) /;
// "được nhiêu rồi", "còn thiếu nhiêu": southern "how many", typed the same as "nhiều" (many).
const HOW_MANY_SOUTHERN = / (?:duoc|con|thieu|dat|la) nhieu(?: (?:roi|nua|vay|a|ha|nhi|khong|the|z|em|e|anh|bot))* $/;
// "mấy" asks, unless it is a garment company ("công ty may") or "mấy đứa" (those guys).
const GARMENT = /^(?:ty|xuong|nganh|det|hang|xi|nghiep|to|nha)$/;

function clauseAsks(forms: string[], typed: string[], endsWithQuestionMark: boolean): boolean {
  if (endsWithQuestionMark) return true;
  const text = ` ${forms.join(" ")} `;
  if (ASKING.test(text)) {
    // "không kết nạp được người nào", "không có gì mới" are statements.
    const onlyNao = !/ (?:bao nhieu|bao gio|bao lau|the nao|nhu the nao|ra sao|sao|dau)(?= )/.test(text);
    if (!(onlyNao && NEGATION_BEFORE_NAO.test(text))) return true;
  }
  if (ASKING_AT_END.test(text) || HOW_MANY_SOUTHERN.test(text)) return true;
  if (typed.at(-1) === "à") return true;
  return forms.some(
    (form, i) =>
      form === "may" &&
      i > 0 &&
      (typed[i] === "mấy" || typed[i] === "may") &&
      !GARMENT.test(forms[i - 1] ?? "") &&
      forms[i + 1] !== "dua",
  );
}

function asks(tokens: CanonicalText["tokens"], from: number, to: number, questionMark: boolean): boolean {
  const slice = tokens.slice(from, to);
  return clauseAsks(
    // A capitalised word inside a sentence is a name: "Sao" in "trường mầm non Sao Mai".
    slice.map((t) => (t.proper === true ? "~name" : t.form)),
    slice.map((t) => t.typed),
    questionMark,
  );
}

export function splitClauses(canonical: CanonicalText): Clauses {
  const { tokens } = canonical;
  const clauseOf: number[] = [];
  const sentenceOf: number[] = [];
  const depth: number[] = [];
  const bounds: Array<[number, number]> = [];
  const question: boolean[] = [];
  let clause = 0;
  let sentence = 0;
  let level = 0;
  let clauseStart = 0;

  tokens.forEach((token, i) => {
    if (token.form === "(") level += 1;
    clauseOf.push(clause);
    sentenceOf.push(sentence);
    depth.push(level);
    if (token.form === ")") level = Math.max(0, level - 1);
    if (CLAUSE_END.test(token.form)) {
      bounds.push([clauseStart, i]);
      question.push(asks(tokens, clauseStart, i, token.form === "?"));
      clause += 1;
      clauseStart = i + 1;
      if (SENTENCE_END.test(token.form)) sentence += 1;
    }
  });
  bounds.push([clauseStart, tokens.length]);
  question.push(asks(tokens, clauseStart, tokens.length, false));
  return { clauseOf, sentenceOf, question, bounds, depth };
}
