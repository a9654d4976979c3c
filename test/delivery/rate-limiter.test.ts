import { describe, expect, it } from "vitest";
import { EvenPace, PlatformPacer, SlidingWindowLimiter, TELEGRAM_LIMITS } from "#src/delivery/rate-limiter.ts";

describe("the sliding window", () => {
  it("allows N sends in any window and says how long the next must wait", () => {
    const window = new SlidingWindowLimiter({ count: 3, perMs: 1_000 });
    for (const at of [0, 100, 200]) {
      expect(window.waitMs("k", at)).toBe(0);
      window.record("k", at);
    }
    expect(window.waitMs("k", 300)).toBe(700);
    expect(window.room("k", 300)).toBe(0);
    expect(window.waitMs("k", 1_000)).toBe(0);
    expect(window.room("k", 1_150)).toBe(2);
    expect(window.waitMs("other", 300)).toBe(0);
  });

  it("holds each window a little longer than the platform's when given slack", () => {
    const window = new SlidingWindowLimiter({ count: 1, perMs: 1_000 }, 25);
    window.record("k", 0);
    expect(window.waitMs("k", 1_000)).toBe(25);
  });
});

describe("a platform's pacer", () => {
  it("forgets the chats of a broadcast once their windows have passed", () => {
    const pacer = new PlatformPacer(TELEGRAM_LIMITS);
    for (let i = 0; i < 5_000; i++) pacer.take(`c${i}`, "private", i * 34);
    pacer.take("last", "private", 5_000 * 34 + 120_000);
    expect(pacer.trackedChats).toBe(1);
  });

  it("holds a chat, and the whole platform, for as long as a 429 asked", () => {
    const pacer = new PlatformPacer(TELEGRAM_LIMITS);
    pacer.pause("c1", 7_000);
    expect(pacer.chatWaitMs("c1", "private", 1_000)).toBe(6_000);
    expect(pacer.platformWaitMs(1_000)).toBe(6_000);
    const polite = new PlatformPacer({ ...TELEGRAM_LIMITS, pausePlatformOn429: false });
    polite.pause("c1", 7_000);
    expect(polite.platformWaitMs(1_000)).toBe(0);
    expect(polite.chatWaitMs("c2", "private", 1_000)).toBe(0);
  });
});

describe("even pacing", () => {
  it("makes up a little lateness instead of pushing every later send back", () => {
    const pace = new EvenPace(100);
    pace.record(0);
    expect(pace.waitMs(40)).toBe(60);
    pace.record(130);
    expect(pace.waitMs(130)).toBe(70);
    pace.record(10_000);
    expect(pace.waitMs(10_000)).toBe(100);
  });
});
