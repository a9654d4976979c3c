// Messages read as fixed phrases before the language layer sees them: what they ask is in their
// first words, and what follows is taken as typed.

import { readCode } from "./codes.ts";
import { foldDiacritics } from "./fold-diacritics.ts";
import type { Parse } from "./types.ts";

/** "xuất báo cáo", "xuat bao cao cua LĐLĐ TP Thủ Đức", "xuất excel cho …": the export, with an optional unit. */
const EXPORT = /^\s*xuat\s+(?:bao\s+cao|excel)(?:\s+(?:cua|cho))?(?:\s+|$)/i;

/** "mở trang quản lý", "mo trang quan ly", "đăng xuất trang quản lý": the web dashboard's login link, or signing out. */
const WEB_LOGIN = /^\s*mo\s+trang\s+quan\s+ly\s*[.!]?\s*$/i;
const WEB_LOGOUT = /^\s*dang\s+xuat(?:\s+trang\s+quan\s+ly)?\s*[.!]?\s*$/i;

// Zalo has no deep links: "start CODE" typed by hand works like Telegram's /start CODE.
const TYPED_START = /^start\s+(\S+)$/i;

export function readFixedPhrase(text: string): Parse | undefined {
  const typed = text.normalize("NFC");
  // Folding leaves a Vietnamese letter one character long, so the phrase is as long folded as typed.
  const asked = EXPORT.exec(foldDiacritics(typed));
  if (asked) return { intent: "export", args: typed.slice(asked[0].length).trim() };
  if (WEB_LOGIN.test(foldDiacritics(typed))) return { intent: "web_login" };
  if (WEB_LOGOUT.test(foldDiacritics(typed))) return { intent: "web_logout" };
  const start = TYPED_START.exec(text.trim());
  if (start?.[1]) return { intent: "redeem_invite", code: readCode(start[1]) };
  return undefined;
}
