// One message in, what it asks for out: a slash command, a fixed phrase, a code, a piece of work
// said done, or a sentence for the language layer. Where a reading may not apply to the person
// writing (a code from someone already linked, a "done" naming no open task), the reading it
// falls back to comes with it as `otherwise`.

import { looksLikeInviteCode, looksLikeLinkCode, readCode } from "./codes.ts";
import { readFixedPhrase } from "./fixed-phrases.ts";
import { readMemberDeparture } from "./member-departure.ts";
import { readMemberEdit } from "./member-edit.ts";
import { readMemberEntry } from "./member-entry.ts";
import { parse } from "./parse.ts";
import { readSlash } from "./slash.ts";
import { readTaskDone } from "./task-done.ts";
import type { Parse, ParseOptions } from "./types.ts";

export function readMessage(text: string, options: ParseOptions = {}): Parse {
  const fixed = readSlash(text) ?? readFixedPhrase(text);
  if (fixed) return fixed;
  let reading = parse(text, options);
  // A code sent alone is a code, whatever its letters spell: "QUEM7KUJBU" is not a member from "quê", and
  // about one invite code in a thousand starts with QQ or QUE.
  if (!looksLikeInviteCode(text) && !looksLikeLinkCode(text)) {
    // Before a member typed in free form: "sửa đv Nguyễn Văn An, quê Bến Tre" would read as a member named so.
    const edit = readMemberEdit(text);
    if (edit) return { intent: "member_edit", edit, otherwise: reading };
    const member = readMemberEntry(text);
    if (member) return { intent: "member_entry", member, otherwise: reading };
    const departure = readMemberDeparture(text);
    if (departure) return { intent: "member_departure", departure, otherwise: reading };
  }
  const taskWords = readTaskDone(text);
  if (taskWords) reading = { intent: "task_done", taskWords, otherwise: reading };
  if (looksLikeLinkCode(text)) reading = { intent: "link_code", code: readCode(text), otherwise: reading };
  if (looksLikeInviteCode(text)) reading = { intent: "redeem_invite", code: readCode(text), otherwise: reading };
  return reading;
}
