// How long the language layer takes to read one message: the same five typical messages, parsed over and
// over after a warm-up. Only a benchmark can say this; a unit test on a shared machine measures the neighbours.
import { parse } from "#nlu/index.ts";
import { summarize } from "./percentiles.ts";

const TARGET_US = 100;
const MESSAGES = [
  "Dạ báo cáo anh, tháng này CĐCS em kết nạp được 4 đoàn viên mới ạ",
  "con thieu bao nhieu dv",
  "kết nạp 5 đv cho CĐCS Công ty May 10",
  "hom qua ket nap them 2 nguoi, 1 nguoi nghi viec",
  "hạn nộp báo cáo quý là khi nào",
];
const ROUNDS = 400;
const TRIALS = 20;

/** Microseconds per message over one trial of every message, ROUNDS times. */
function trial(): number {
  const started = performance.now();
  for (let i = 0; i < ROUNDS; i += 1) for (const text of MESSAGES) parse(text, { today: "2026-06-15" });
  return ((performance.now() - started) * 1000) / (ROUNDS * MESSAGES.length);
}

export async function benchParse(): Promise<{ name: string; value: string; target: string; pass: boolean }[]> {
  trial(); // lets the JIT compile the hot paths first
  const { median, max } = summarize(Array.from({ length: TRIALS }, trial));
  return [
    {
      name: `parse a typical message (${MESSAGES.length} messages × ${ROUNDS}, ${TRIALS} trials)`,
      value: `median ${median.toFixed(1)} µs, slowest trial ${max.toFixed(1)} µs`,
      target: `< ${TARGET_US} µs`,
      pass: median < TARGET_US,
    },
  ];
}
