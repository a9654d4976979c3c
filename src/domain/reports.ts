// Recording a report and undoing one: what a chair's message becomes in the ledger, and how it is taken back.
// The ledger only appends; an undo is the opposite entries, so every total stays a plain sum.
import { z } from "zod";
import type { Repositories } from "#db/index.ts";
import type { LedgerEntry, LedgerEntryInput } from "#db/repositories/ledger.ts";
import type { Unit } from "#db/repositories/units.ts";
import { lineage } from "#db/tree.ts";
import type { Actor } from "./actor.ts";

export interface ReportedEvent {
  event: string;
  count: number;
  /** Said in so many words; otherwise the unit's sector decides. */
  informal?: boolean;
}

export interface Report {
  unit: Unit;
  events: ReportedEvent[];
  /** YYYY-MM-DD the events happened on. */
  day: string;
  reporterId: number;
  /** The message it came from: a message redelivered is recorded once. */
  source: string;
  now: Date;
}

/** "kết nạp 3, chiều kết nạp thêm 2" is one report of 5: a message records each event once. */
export function mergeByEvent(events: ReportedEvent[]): ReportedEvent[] {
  const merged = new Map<string, ReportedEvent>();
  for (const item of events) {
    const key = `${item.event}:${item.informal ? 1 : 0}`;
    const seen = merged.get(key);
    merged.set(key, seen ? { ...seen, count: seen.count + item.count } : { ...item });
  }
  return [...merged.values()];
}

/** Why a report is held for its reporter to confirm instead of being recorded at once. */
export type Doubt =
  /** More admissions than the unit has workers who are not members yet. */
  | { kind: "over-not-members"; event: string; count: number; workers: number; members: number }
  /** Far above anything the unit reported of that event before. */
  | { kind: "unusual"; event: string; count: number; largest: number; reports: number }
  /** More admissions than a small unit has members: its members would more than double. */
  | { kind: "doubles-members"; event: string; count: number; members: number };

/** A report this many times the unit's largest earlier one, and at least UNUSUAL_FLOOR, is asked about … */
const UNUSUAL_FACTOR = 5;
const UNUSUAL_FLOOR = 10;
/** … once the unit has this many earlier reports of the event to compare with. */
const UNUSUAL_HISTORY = 3;
/** Below this many members a unit is small, and a report that would double it is asked about. */
const SMALL_UNIT = 50;

/**
 * What makes a report doubtful, if anything: a typing slip ("1.200" for "12") is cheaper to ask about than to
 * undo after everyone above the unit has seen it. Counts are summed per event, as they will be recorded.
 */
export async function doubtAbout(
  repos: Pick<Repositories, "ledger" | "figures">,
  unit: Unit,
  events: ReportedEvent[],
): Promise<Doubt | undefined> {
  const byEvent = new Map<string, number>();
  for (const item of events) byEvent.set(item.event, (byEvent.get(item.event) ?? 0) + item.count);
  const admitted = byEvent.get("join") ?? 0;
  if (admitted > 0) {
    const members = await repos.figures.members(unit);
    // Only where workers are recorded: an unknown workforce says nothing about who is left to admit.
    if (unit.workers > 0 && admitted > unit.workers - members)
      return { kind: "over-not-members", event: "join", count: admitted, workers: unit.workers, members };
    // Only where members were recorded: a unit imported without them is unknown, not small.
    if (unit.members > 0 && members < SMALL_UNIT && admitted > members)
      return { kind: "doubles-members", event: "join", count: admitted, members };
  }
  for (const [event, count] of byEvent) {
    if (count < UNUSUAL_FLOOR) continue;
    const { reports, largest } = await repos.ledger.reportSizes(unit.id, event);
    if (reports >= UNUSUAL_HISTORY && count > UNUSUAL_FACTOR * largest)
      return { kind: "unusual", event, count, largest, reports };
  }
  return undefined;
}

/** Writes a report to the ledger; `ids` is empty when its source was recorded before. */
export async function record(
  repos: Pick<Repositories, "ledger">,
  report: Report,
): Promise<{ entries: LedgerEntryInput[]; ids: number[] }> {
  const { unit } = report;
  const chain = lineage(unit);
  const entries = mergeByEvent(report.events)
    .filter((item) => item.count > 0)
    .map((item) => ({
      unitId: unit.id,
      lineage: chain,
      event: item.event,
      // Departures are stored negative so that a sum over the ledger is the net change.
      count: item.event === "leave" ? -item.count : item.count,
      // A guild of street vendors or motorbike taxis admits informal-economy workers, whatever the words.
      informal: item.informal ?? unit.sector === "informal",
      occurredOn: report.day,
      reporterId: report.reporterId,
      source: report.source,
    }));
  const now = report.now.toISOString();
  // A newer report recorded closes the reporter's older open questions about the unit, in the same write.
  const ids = await repos.ledger.record(entries, now, { personId: report.reporterId, unitId: unit.id });
  return { entries, ids };
}

/** What a held report keeps until it is confirmed: unit, reporter and source are columns of the hold. */
const heldPayload = z.object({
  events: z.array(z.object({ event: z.string(), count: z.number().int(), informal: z.boolean().optional() })),
  day: z.string(),
});

/** Holds a doubted report for its reporter to confirm; returns the hold's id for the buttons. */
export async function hold(repos: Pick<Repositories, "pendingReports">, report: Report): Promise<number> {
  const now = report.now.toISOString();
  const payload = JSON.stringify({ events: report.events, day: report.day });
  const held = await repos.pendingReports.hold(report.reporterId, report.unit.id, report.source, payload, now);
  await repos.pendingReports.supersede(report.reporterId, report.unit.id, report.source, now);
  return held.id;
}

export type SettleOutcome =
  /** No such question, or not this person's. */
  | { kind: "expired" }
  /** Cancelled now, or earlier, or closed by a newer report of the same unit. */
  | { kind: "cancelled" | "closed" }
  /** Confirmed before: recorded once already. */
  | { kind: "already" }
  | { kind: "recorded"; unit: Unit; day: string; entries: LedgerEntryInput[]; ids: number[] };

/**
 * Answers a held report: recorded as the original message, on its day and for its unit, however often the
 * confirm button is pressed; or dropped.
 */
export async function settleHeld(
  repos: Pick<Repositories, "ledger" | "pendingReports" | "units" | "transaction">,
  holdId: number,
  personId: number,
  confirmed: boolean,
  now: Date,
): Promise<SettleOutcome> {
  const held = await repos.pendingReports.get(holdId);
  const unit = held && (await repos.units.byId(held.unitId));
  if (!held || !unit || held.personId !== personId) return { kind: "expired" };
  const at = now.toISOString();
  if (held.settledAt !== null)
    return (await repos.ledger.bySource(held.source)).length > 0 ? { kind: "already" } : { kind: "closed" };
  if (!confirmed) return (await repos.pendingReports.settle(held.id, at)) ? { kind: "cancelled" } : { kind: "closed" };
  const payload = heldPayload.parse(JSON.parse(held.payload));
  return await repos.transaction(async (): Promise<SettleOutcome> => {
    if (!(await repos.pendingReports.settle(held.id, at))) return { kind: "already" };
    const report = { unit, events: payload.events, day: payload.day, reporterId: personId, source: held.source, now };
    const { entries, ids } = await record(repos, report);
    return ids.length > 0 ? { kind: "recorded", unit, day: payload.day, entries, ids } : { kind: "already" };
  });
}

export type UndoOutcome =
  | { kind: "nothing" | "not-yours" | "already" }
  | { kind: "undone"; reversed: LedgerEntry[]; unit: Unit | undefined }
  /** The latest report is undone already: this older one is named and undone only when confirmed. */
  | { kind: "older"; entries: LedgerEntry[]; unit: Unit | undefined };

/**
 * Undoes the report an entry belongs to (the undo button), or without one the person's latest report. Once
 * that is undone, saying it again does not quietly walk back through older reports: the next one is named
 * and asked about. A report is undone by the person who made it or by an admin above its unit.
 */
export async function undo(
  repos: Pick<Repositories, "ledger" | "units">,
  actor: Pick<Actor, "personId" | "isAdminOf">,
  entryId: string | undefined,
  now: Date,
): Promise<UndoOutcome> {
  let source: string | undefined;
  if (entryId !== undefined) {
    const entry = /^\d+$/.test(entryId) ? await repos.ledger.byId(Number(entryId)) : undefined;
    if (!entry) return { kind: "nothing" };
    const unit = await repos.units.byId(entry.unitId);
    const mayUndo = entry.reporterId === actor.personId || (unit !== undefined && actor.isAdminOf(unit));
    if (!mayUndo) return { kind: "not-yours" };
    if (entry.undoneBy !== null) return { kind: "already" };
    source = entry.source;
  } else {
    const latest = await repos.ledger.lastEntryOf(actor.personId);
    if (!latest) return { kind: "nothing" };
    if (latest.undoneBy !== null) {
      const older = await repos.ledger.lastLiveEntryOf(actor.personId);
      if (!older) return { kind: "nothing" };
      const entries = (await repos.ledger.bySource(older.source)).filter((e) => e.undoneBy === null);
      return { kind: "older", entries, unit: await repos.units.byId(older.unitId) };
    }
    source = latest.source;
  }
  // The ledger writes the reversal without waiting, so each entry's lineage is read beforehand.
  const lineages = new Map<number, number[]>();
  for (const entry of await repos.ledger.bySource(source)) {
    const unit = lineages.has(entry.unitId) ? undefined : await repos.units.byId(entry.unitId);
    if (unit) lineages.set(unit.id, lineage(unit));
  }
  const lineageOf = (unitId: number) => lineages.get(unitId) ?? [unitId];
  const reversed = await repos.ledger.reverseSource(source, lineageOf, actor.personId, now.toISOString());
  if (reversed.length === 0) return { kind: "already" };
  const first = reversed[0];
  return { kind: "undone", reversed, unit: first && (await repos.units.byId(first.unitId)) };
}
