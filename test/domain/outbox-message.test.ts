import { describe, expect, it } from "vitest";
import { outboxMessage } from "#domain/outbox-message.ts";

const recipient = { personId: 7, address: { platform: "zalo" as const, chatId: "z-42" } };

describe("an outbox message", () => {
  it("goes to the recipient's address, with its text and buttons as the payload", () => {
    const choices = [{ label: "Nhắc lại sau 1 ngày", action: "snooze:t3:1" }];
    const notBefore = "2026-07-01T01:00:00.000Z";
    const row = outboxMessage(recipient, {
      key: "deadline:t3:2026-07-01:p7",
      kind: "deadline",
      text: "Còn 3 ngày",
      choices,
      notBefore,
    });
    expect(row).toEqual({
      key: "deadline:t3:2026-07-01:p7",
      personId: recipient.personId,
      platform: recipient.address.platform,
      chatId: recipient.address.chatId,
      kind: "deadline",
      payload: { text: "Còn 3 ngày", choices },
      notBefore,
    });
  });

  it("carries no buttons and no announcement when the message has none", () => {
    const row = outboxMessage(recipient, {
      key: "k",
      kind: "digest",
      text: "Tuần này",
      notBefore: "2026-07-06T01:00:00.000Z",
    });
    expect(row.payload).toEqual({ text: "Tuần này" });
    expect(row).not.toHaveProperty("broadcastId");
  });

  it("names the announcement a copy belongs to, so that its delivery can be counted", () => {
    const row = outboxMessage(recipient, {
      key: "broadcast:9:p7",
      kind: "broadcast",
      text: "Họp BCH",
      notBefore: "2026-07-06T01:00:00.000Z",
      broadcastId: 9,
    });
    expect(row.broadcastId).toBe(9);
  });
});
