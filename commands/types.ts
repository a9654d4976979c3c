// The platform-neutral contract: a command takes a plain request and returns a plain reply.
import type { SubtreeReader } from "#domain/subtree-reader.ts";
import type { Repositories } from "#db/index.ts";
import type { Platform } from "#db/schema.ts";
import type { Actor } from "#domain/actor.ts";
import type { Register } from "#domain/member-register.ts";
import type { PolicyService } from "#domain/reminder-policy.ts";
import type { StandingService } from "#domain/standing.ts";
import type { Intent, Parse } from "#nlu/types.ts";
import type { Translate } from "#src/i18n.ts";

export type { Translate };

/** A button on Telegram, a numbered line on Zalo. `action` is what pressing it does. */
export interface Choice {
  label: string;
  /** "undo:<ledger id>" or "say:<text the person would have typed>"; at most 64 bytes. */
  action: string;
}

export interface Reply {
  text: string;
  choices?: Choice[];
  image?: { png: Uint8Array; caption?: string };
  file?: { name: string; data: Uint8Array; mime: string };
}

export interface Sender {
  platform: Platform;
  externalId: string;
  chatId: string;
  displayName: string;
  /** What the person's app says its language is ("en", "vi", "en-GB"), when the platform tells. */
  languageCode?: string;
}

export interface Request {
  /** The message as written, trimmed. Empty for a button press. */
  text: string;
  /** A file the person sent (a workbook to import). */
  document?: { name: string; data: Uint8Array };
  /** The text was forwarded from someone else: it is not the person's own report. */
  forwarded?: true;
  parse: Parse;
  /** What follows a slash command or a fixed phrase ("/phanbo kết nạp" → "kết nạp"); `parse.args` when not empty. */
  args?: string;
  /** Set when a button was pressed: its action's name ("undo") … */
  actionName?: string;
  /** … and what follows the first colon. */
  actionArg?: string;
  actor: Actor | null;
  sender: Sender;
  /** The platform message or button press, "telegram:1234": reports are keyed by it. */
  source: string;
  now: Date;
  /** YYYY-MM-DD in the configured time zone. */
  today: string;
}

export interface Services {
  repos: Repositories;
  standing: StandingService;
  /** The standing of large subtrees and the name index of a national reach, read off the main thread. */
  reader: SubtreeReader;
  policies: PolicyService;
  timeZone: string;
  /** Tells the dispatcher new messages wait in the outbox (announcements). */
  wakeDispatcher: () => void;
  t: Translate;
  /** Translates into a named locale: the answer to a person who just changed their language. */
  translateIn: (locale: string, key: string, args?: Record<string, string | number>) => string;
  /** The bot's public username when known, for deep links. */
  botUsername: () => Promise<string | undefined>;
  /** The member register: on with its vault, or off and why (no MEMBER_DATA_KEY, not the key it was sealed under, or a store without it). */
  register: () => Promise<Register>;
  /** Where the web dashboard is served ("https://host" or "http://localhost:3000"), without a trailing slash. */
  webUrl: () => string;
  /**
   * The answer to what the message otherwise meant (`req.parse.otherwise`), for a command that finds
   * the message is not for it: a code typed by someone already linked, a "done" naming no open task.
   */
  otherwise: (req: Request) => Reply | Promise<Reply>;
}

export interface Command {
  /** The intents this command answers. */
  intents: Intent[];
  /** Button actions it handles ("undo"). */
  actions?: string[];
  /** Slash commands it answers, besides intents ("xuatbaocao" for "/xuatbaocao"). */
  slash?: string[];
  /** Whether it takes the files people send (a workbook to import). */
  files?: boolean;
  /** Whether a person who is not linked to any unit may use it. */
  open?: boolean;
  run(req: Request, services: Services): Reply | Promise<Reply>;
}

export function reply(text: string, choices?: Choice[]): Reply {
  return choices && choices.length > 0 ? { text, choices } : { text };
}
