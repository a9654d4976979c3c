// What the Zalo Bot Platform delivers, by webhook or by getUpdates: one event and the message it is about.
// The docs show the webhook body wrapped as {ok, result: {event_name, message}}; bots in the field receive
// the bare {event_name, message}. Both are read the same way.
import { z } from "zod";

/** Zalo ids are strings ("6ede9afa66b88fe6d6a9"); a number is read as its decimal string. */
const zaloId = z.union([z.string().min(1).max(128), z.number().int().nonnegative()]).transform(String);

const zaloMessage = z.looseObject({
  from: z.looseObject({
    id: zaloId,
    display_name: z.string().optional(),
    is_bot: z.boolean().optional(),
  }),
  chat: z.looseObject({
    id: zaloId,
    /** PRIVATE or GROUP (GROUP is in beta). */
    chat_type: z.string().optional(),
  }),
  message_id: zaloId,
  text: z.string().optional(),
  /** Milliseconds since the epoch. */
  date: z.number().optional(),
});

const zaloEvent = z.looseObject({
  event_name: z.string().min(1).max(128),
  message: zaloMessage.optional(),
});

const wrappedEvent = z.looseObject({
  ok: z.boolean().optional(),
  result: zaloEvent,
});

export type ZaloMessage = z.infer<typeof zaloMessage>;
export type ZaloUpdate = z.infer<typeof zaloEvent>;

export const ZALO_EVENTS = {
  text: "message.text.received",
  image: "message.image.received",
  sticker: "message.sticker.received",
  voice: "message.voice.received",
  unsupported: "message.unsupported.received",
} as const;

/** The event in a webhook body or a getUpdates result, in either shape; undefined for anything else. */
export function parseZaloUpdate(body: unknown): ZaloUpdate | undefined {
  const wrapped = wrappedEvent.safeParse(body);
  if (wrapped.success) return wrapped.data.result;
  const bare = zaloEvent.safeParse(body);
  return bare.success ? bare.data : undefined;
}
