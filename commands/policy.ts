// "/lichnhac": show the reminder schedule in force for the admin's unit, or change parts of it for the subtree.
import { audit, doerOf } from "#domain/audit.ts";
import { policySchema, type ReminderPolicy } from "#domain/reminder-policy.ts";
import { reply, type Command } from "./types.ts";

/** The words an admin types → policy settings. */
const FIELDS: Record<string, (value: string) => Partial<ReminderPolicy>> = {
  truoc: (v) => ({ offsets: v.split(",").map((d) => Number(d.trim())) }),
  luc: (v) => ({ remindAt: v }),
  sauhan: (v) => ({ overdueEveryDays: Number(v) }),
  imlang: (v) => ({ silentDays: Number(v) }),
  tonghop: (v) => ({ digestAt: v }),
  thu: (v) => ({ digestWeekday: Number(v) === 8 ? 7 : Number(v) - 1 }),
  canbo: (v) => ({ staffDigestAt: v }),
  yenlang: (v) => ({ quietHours: /^(tat|tắt|khong|không)$/i.test(v) ? null : v }),
};

export const policy: Command = {
  intents: [],
  slash: ["lichnhac"],
  async run(req, { repos, policies, t }) {
    const unit = req.actor?.adminUnit;
    if (!unit) return reply(t("policy-not-admin"));
    const args = (req.args ?? "").trim();
    if (args) {
      const changes: Partial<ReminderPolicy> = {};
      for (const part of args.split(/\s+/)) {
        const [name = "", value = ""] = part.split("=");
        const field = FIELDS[name.toLowerCase()];
        if (!field || !value) return reply([t("policy-bad", { reason: part }), t("policy-how")].join("\n"));
        Object.assign(changes, field(value));
      }
      const checked = policySchema.partial().safeParse(changes);
      if (!checked.success)
        return reply(
          [t("policy-bad", { reason: checked.error.issues[0]?.path.join(".") ?? args }), t("policy-how")].join("\n"),
        );
      await audit(repos, doerOf(req), "policy_changed", unit, {
        before: await repos.reminders.policy(unit.id),
        after: checked.data,
      });
      await repos.reminders.savePolicy(
        unit.id,
        { ...((await repos.reminders.policy(unit.id)) ?? {}), ...checked.data },
        req.now.toISOString(),
      );
      policies.refresh();
    }
    const p = await policies.of(unit);
    const shown = t("policy-shown", {
      unit: unit.name,
      offsets: p.offsets.join(", "),
      remindAt: p.remindAt,
      every: p.overdueEveryDays,
      weekday: p.digestWeekday === 7 ? "CN" : String(p.digestWeekday + 1),
      digestAt: p.digestAt,
      staffAt: p.staffDigestAt,
      silent: p.silentDays,
      quiet: p.quietHours ?? t("quiet-none"),
    });
    return reply(
      args ? [t("policy-saved", { unit: unit.name }), shown].join("\n") : [shown, "", t("policy-how")].join("\n"),
    );
  },
};
