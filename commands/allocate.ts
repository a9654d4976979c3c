// "/phanbo kết nạp" splits the admin's unit's target among its children in proportion to workers who
// are not members yet; "/phanbo ket_nap C1=20 C2=30" sets the parts explicitly. Both are shown first and
// written only when the admin confirms, through the same confirmation as a file import.
import type { Unit } from "#db/repositories/units.ts";
import { allocationService, type ShareNote } from "#domain/allocation.ts";
import { viDate } from "#domain/calendar.ts";
import { findMetric } from "#domain/metric-lookup.ts";
import { mayUseMetric } from "#domain/metric-owner.ts";
import { periodOf } from "#domain/standing.ts";
import { parseViNumber } from "#nlu/vi-number.ts";
import { reply, type Command, type Reply, type Request, type Services, type Translate } from "./types.ts";

const PART = /^([A-Za-z0-9._-]+)\s*[=:]\s*(\S+)$/;

/** "C1=20", "C2:1.200": a child's code and its part, when the part is a number. */
function readPart(word: string): { code: string; value: number } | undefined {
  const [, code = "", value = ""] = PART.exec(word) ?? [];
  const number = parseViNumber(value);
  return code && number !== undefined ? { code, value: number } : undefined;
}

function noteText(note: ShareNote, t: Translate): string {
  switch (note.kind) {
    case "no-workers":
      return t("allocate-note-no-workers");
    case "no-eligible":
      return t("allocate-note-no-eligible", { workers: note.workers });
    case "over-eligible":
      return t("allocate-note-over-eligible", { eligible: note.eligible });
    case "over-admissions":
      return t("allocate-note-over-admissions", { admissions: note.admissions });
  }
}

export const allocate: Command = {
  intents: [],
  slash: ["phanbo"],
  async run(req: Request, services: Services): Promise<Reply> {
    const { repos, t } = services;
    const unit = req.actor?.adminUnit;
    if (!unit) return reply(t("allocate-not-admin"));
    const words = (req.args ?? "").trim().split(/\s+/).filter(Boolean);
    const parts = words.map(readPart).filter((part) => part !== undefined);
    const metricText = words.filter((w) => !readPart(w) && !/^(theo|ty|tỷ|le|lệ)$/i.test(w)).join(" ");
    const metric = findMetric(metricText, (await repos.metrics.all()).values());
    if (!metric) return reply(t("allocate-how"));
    if (!mayUseMetric(metric, unit))
      return reply(t("allocate-metric-not-yours", { metric: metric.name, unit: unit.name }));
    const period = periodOf(req.today);
    const own = await repos.targets.find(unit.id, metric.key, period);
    if (!own) return reply(t("allocate-no-target", { unit: unit.name, metric: metric.name, period }));
    const children = await repos.units.children(unit.id);
    if (children.length === 0) return reply(t("allocate-no-children", { unit: unit.name }));

    let split: { unit: Unit; value: number }[];
    if (parts.length > 0) {
      const byCode = new Map(children.map((c) => [c.code, c]));
      split = [];
      for (const { code, value } of parts) {
        const child = byCode.get(code);
        if (!child) return reply(t("allocate-unknown-child", { code, unit: unit.name }));
        split.push({ unit: child, value });
      }
    } else {
      const targets = await allocationService(repos).proportional(unit, own);
      split = targets.map((target) => ({
        unit: children.find((c) => c.id === target.unitId) as Unit,
        value: target.value,
      }));
    }

    const total = split.reduce((sum, s) => sum + s.value, 0);
    const deadline = own.deadline ? viDate(own.deadline) : "";
    const rows = split.map((s, i) => ({
      line: i + 2,
      cells: { unit_code: s.unit.code, metric: metric.key, target: String(s.value), deadline },
    }));
    const id = await repos.pendingImports.create(
      req.actor?.personId ?? 0,
      "allocation",
      JSON.stringify(rows),
      req.now.toISOString(),
    );
    const service = allocationService(repos);
    const lines: string[] = [];
    for (const s of split) {
      const notes = (await service.notes(s.unit, metric.key, period, s.value)).map((note) => noteText(note, t));
      const line = t("allocate-line", { unit: s.unit.name, value: s.value });
      lines.push(notes.length > 0 ? `${line} (${notes.join("; ")})` : line);
    }
    const gap =
      total === own.value
        ? t("allocate-adds-up", { total })
        : t("allocate-gap", {
            total,
            target: own.value,
            diff: Math.abs(own.value - total),
            short: total < own.value ? "yes" : "no",
          });
    return reply(
      [
        t(parts.length > 0 ? "allocate-explicit" : "allocate-proportional", {
          unit: unit.name,
          metric: metric.name,
          target: own.value,
        }),
        ...lines,
        "",
        gap,
      ].join("\n"),
      [
        { label: t("button-allocate-confirm"), action: `import:${id}:yes` },
        { label: t("button-import-cancel"), action: `import:${id}:no` },
      ],
    );
  },
};
