// Recording a report and undoing one: what a chair's message becomes in the ledger, and how it is taken back.
// The ledger only appends; an undo is the opposite entries, so every total stays a plain sum.
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

/** Writes a report to the ledger; `ids` is empty when its source was recorded before. */
export function record(
  repos: Pick<Repositories, "ledger">,
  report: Report,
): { entries: LedgerEntryInput[]; ids: number[] } {
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
  return { entries, ids: repos.ledger.record(entries, report.now.toISOString()) };
}

export type UndoOutcome =
  | { kind: "nothing" | "not-yours" | "already" }
  | { kind: "undone"; reversed: LedgerEntry[]; unit: Unit | undefined };

/**
 * Undoes the report an entry belongs to (the undo button), or without one the person's latest report that
 * is not undone yet. A report is undone by the person who made it or by an admin above its unit.
 */
export function undo(
  repos: Pick<Repositories, "ledger" | "units">,
  actor: Pick<Actor, "personId" | "isAdminOf">,
  entryId: string | undefined,
  now: Date,
): UndoOutcome {
  let source: string | undefined;
  if (entryId !== undefined) {
    const entry = /^\d+$/.test(entryId) ? repos.ledger.byId(Number(entryId)) : undefined;
    if (!entry) return { kind: "nothing" };
    const unit = repos.units.byId(entry.unitId);
    const mayUndo = entry.reporterId === actor.personId || (unit !== undefined && actor.isAdminOf(unit));
    if (!mayUndo) return { kind: "not-yours" };
    if (entry.undoneBy !== null) return { kind: "already" };
    source = entry.source;
  } else {
    source = repos.ledger.lastSourceOf(actor.personId);
    if (!source) return { kind: "nothing" };
  }
  const lineageOf = (unitId: number) => {
    const unit = repos.units.byId(unitId);
    return unit ? lineage(unit) : [unitId];
  };
  const reversed = repos.ledger.reverseSource(source, lineageOf, actor.personId, now.toISOString());
  if (reversed.length === 0) return { kind: "already" };
  const first = reversed[0];
  return { kind: "undone", reversed, unit: first && repos.units.byId(first.unitId) };
}
