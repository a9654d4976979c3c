// "đã nộp danh sách", "xong hội nghị sơ kết": a piece of work said to be finished, and the words
// that may name it. Which open task they name is for the task command to decide.

import { foldWords } from "./fold-diacritics.ts";

/** "đã nộp …", "xong …", "hoàn thành …": words that say a piece of work is finished. */
const DONE =
  /(^|\s)(da xong|xong|da nop|nop xong|nop roi|da hoan thanh|hoan thanh|da to chuc|to chuc xong|da gui|gui roi)(\s|$)/;

/** Words that say "done" or hold the sentence together, never a task's name. */
const FILLER = new Set([
  "da",
  "xong",
  "roi",
  "nop",
  "gui",
  "hoan",
  "thanh",
  "to",
  "chuc",
  "cua",
  "cho",
  "va",
  "cac",
  "nhe",
  "a",
  "nha",
  "r",
]);

/** The words of a text or a task's title that can name a task: folded, without filler or single letters. */
export function taskWords(text: string): string[] {
  return foldWords(text)
    .split(" ")
    .filter((w) => w.length > 1 && !FILLER.has(w));
}

/** The words naming the work, when the text says a piece of work is finished. */
export function readTaskDone(text: string): string[] | undefined {
  return DONE.test(foldWords(text)) ? taskWords(text) : undefined;
}
