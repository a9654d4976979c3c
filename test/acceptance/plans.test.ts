// Acceptance: five real plans, each a world with its units, targets and people, and a script of exchanges
// whose expected figures are computed from the plan's numbers and the messages sent.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { World } from "#test/world.ts";
import { thuDuc2024 } from "./plans/thu-duc-2024.ts";
import { vienChucBinhDinh2024 } from "./plans/vien-chuc-binh-dinh-2024.ts";
import { quanThuDuc2020 } from "./plans/quan-thu-duc-2020.ts";
import { phuRieng2024 } from "./plans/phu-rieng-2024.ts";
import { daLat2021 } from "./plans/da-lat-2021.ts";
import { chatty, Tally, withoutDiacritics, type Cast, type PlanScript, type Step } from "./script.ts";

const SCRIPTS: PlanScript[] = [thuDuc2024, vienChucBinhDinh2024, quanThuDuc2020, phuRieng2024, daLat2021];

async function stage(script: PlanScript): Promise<Cast> {
  const world = await World.create({ now: "2026-06-15T03:00:00Z" });
  // "Today" in Việt Nam (UTC+7), whose year the plan's targets are moved to.
  const today = new Date(world.now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
  for (const unit of script.units) await world.unit(unit);
  for (const t of script.targets) {
    const unit = await world.repos.units.byCode(t.unit);
    if (!unit) throw new Error(`no unit ${t.unit}`);
    const period = today.slice(0, 4);
    await world.repos.targets.upsert({
      unitId: unit.id,
      metric: t.metric,
      period,
      value: t.value,
      deadline: `${period}-${t.due}`,
      scope: t.each ? "each" : "total",
    });
  }
  const people: Cast["people"] = {};
  for (const [key, p] of Object.entries(script.people)) people[key] = await world.personAt(p.unit, p.role, p.name);
  return { world, tally: new Tally(script.units, script.targets, script.people, today), people };
}

function label(step: Step, index: number): string {
  const act = step.says !== undefined ? `says “${step.says}”` : `presses “${step.presses}”`;
  return `step ${index + 1}: ${step.who} ${act}${step.updateId ? ` (update ${step.updateId})` : ""}`;
}

const counts = { exchanges: 0, passed: 0, withoutDiacritics: 0, chatty: 0 };

for (const script of SCRIPTS) {
  describe(script.plan, () => {
    let cast: Cast;
    beforeAll(async () => {
      cast = await stage(script);
    });
    afterAll(() => cast.world.close());

    script.steps.forEach((step, index) => {
      counts.exchanges += 1;
      if (step.says !== undefined && withoutDiacritics(step.says)) counts.withoutDiacritics += 1;
      if (step.says !== undefined && chatty(step.says)) counts.chatty += 1;
      const name = label(step, index);
      it(name, async () => {
        const where = `${script.plan}, ${name}`;
        const person = cast.people[step.who];
        if (!person) throw new Error(`${where}: no persona ${step.who}`);
        const reply =
          step.presses !== undefined
            ? await person.presses(step.presses)
            : await person.says(step.says ?? "", { updateId: step.updateId });
        step.does?.(cast.tally);
        const shown = `\n--- the bot replied:\n${reply}`;
        for (const text of step.expect?.(cast.tally) ?? [])
          expect(reply.includes(text), `${where}: the reply should say “${text}”${shown}`).toBe(true);
        for (const text of step.absent?.(cast.tally) ?? [])
          expect(reply.includes(text), `${where}: the reply should not say “${text}”${shown}`).toBe(false);
        for (const button of step.buttons ?? [])
          expect(person.buttons(), `${where}: the reply should carry the button “${button}”`).toContain(button);
        if (step.ledger)
          expect(await cast.world.ledgerCount(), `${where}: ledger rows in the database`).toBe(cast.tally.ledgerRows);
        counts.passed += 1;
      });
    });
  });
}

afterAll(() => {
  console.log(
    `acceptance: ${counts.exchanges} exchanges, ${counts.passed} passed ` +
      `(${counts.withoutDiacritics} without diacritics, ${counts.chatty} without diacritics or with chat abbreviations)`,
  );
});
