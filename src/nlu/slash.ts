// Slash commands: "/han", "/ketnap 5 CĐCS Công ty ABC", "/start CODE", "/lienket CODE", with the
// "@botname" Telegram adds in groups. Which command answers a name is the commands' business;
// this reads only what the arguments say.

import { looksLikeLinkCode, readCode } from "./codes.ts";
import { parseViNumber } from "./vi-number.ts";
import type { Parse, ReportEvent } from "./types.ts";

const SLASH = /^\/([a-z]+)(?:@\w+)?(?:\s+([\s\S]*))?$/i;

/** Slash commands that report, and what they report. */
const REPORTS: Record<string, ReportEvent> = { ketnap: "join", giam: "leave" };

const DIGITS = /^\d+$/;

/**
 * "5", "1.200", "12k": the count a slash report starts with. A long digit run, which the language
 * layer takes for a phone number, is kept as a count here so the report can refuse it as too large.
 */
function readCount(word: string): number | undefined {
  return parseViNumber(word) ?? (DIGITS.test(word) ? Number(word) : undefined);
}

/** "/ketnap 5", "/ketnap 5 CĐCS Công ty ABC": a count, then optionally the unit. */
function slashReport(event: ReportEvent, args: string): Pick<Parse, "intent" | "reports" | "unit"> {
  const [first = "", ...rest] = args.split(/\s+/);
  const count = readCount(first);
  if (count === undefined) return { intent: "report", reports: [{ event }] };
  const unit = rest.join(" ").trim();
  return { intent: "report", reports: [{ event, count }], ...(unit ? { unit } : {}) };
}

/** The parse of a slash command, or undefined when the text is not one. */
export function readSlash(text: string): Parse | undefined {
  const match = SLASH.exec(text.trim());
  if (!match) return undefined;
  const slash = (match[1] ?? "").toLowerCase();
  const args = (match[2] ?? "").trim();
  // Telegram's deep link t.me/<bot>?start=CODE arrives as "/start CODE".
  if (slash === "start" && args) return { intent: "redeem_invite", code: readCode(args) };
  if (slash === "lienket" && looksLikeLinkCode(args)) return { intent: "link_code", code: readCode(args) };
  const event = REPORTS[slash];
  if (event) return { ...slashReport(event, args), slash, args };
  return { intent: "unknown", slash, args };
}
