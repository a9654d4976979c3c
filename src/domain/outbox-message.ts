// Every message the bot sends on its own (reminders, announcements, delivery reports) becomes an outbox
// row here: one recipient's address, a key unique per recipient and occurrence, the text and its buttons.
import type { OutboxChoice, OutboxInput } from "#db/repositories/outbox.ts";
import type { Platform } from "#db/schema.ts";

export interface Recipient {
  /** Null for an account that is no person's: a member who linked to see their own record. */
  personId: number | null;
  /** Where the person reads the bot: `repos.people.address(personId)`. */
  address: { platform: Platform; chatId: string };
}

export interface MessageContent {
  /** Unique per recipient and occurrence: computing the same message twice adds one row. */
  key: string;
  kind: string;
  text: string;
  choices?: OutboxChoice[];
  /** ISO instant; quiet hours and snoozes put it in the future. */
  notBefore: string;
  /** The announcement a row is a copy of, so that its delivery can be counted. */
  broadcastId?: number;
}

export function outboxMessage({ personId, address }: Recipient, content: MessageContent): OutboxInput {
  return {
    key: content.key,
    personId,
    platform: address.platform,
    chatId: address.chatId,
    kind: content.kind,
    payload: { text: content.text, ...(content.choices ? { choices: content.choices } : {}) },
    notBefore: content.notBefore,
    ...(content.broadcastId !== undefined ? { broadcastId: content.broadcastId } : {}),
  };
}
