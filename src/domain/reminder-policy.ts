// When reminders go out. Defaults from the brief; an admin may change any of them for their subtree,
// and the nearest such change above a unit wins.
import { z } from "zod";
import type { Repositories } from "#db/index.ts";
import type { Unit } from "#db/repositories/units.ts";
import { lineage } from "#db/tree.ts";

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

export const policySchema = z.object({
  /** Days before a deadline when the unit is reminded; 0 is the day itself. */
  offsets: z.array(z.number().int().min(0).max(365)).max(10),
  /** After a missed deadline, a reminder every this many days while it is not met. */
  overdueEveryDays: z.number().int().min(1).max(90),
  remindAt: time,
  /** Weekly digest to chairs: weekday 1 (Monday) … 7, at a time. */
  digestWeekday: z.number().int().min(1).max(7),
  digestAt: time,
  staffDigestAt: time,
  /** A unit that sent no report for this many days gets a nudge. */
  silentDays: z.number().int().min(1).max(365),
  silentAt: time,
  /** "21:00-07:00", or null for none. */
  quietHours: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/)
    .nullable(),
});

export type ReminderPolicy = z.infer<typeof policySchema>;

export function defaultPolicy(quietHours: string | null): ReminderPolicy {
  return {
    offsets: [14, 7, 3, 1, 0],
    overdueEveryDays: 7,
    remindAt: "08:00",
    digestWeekday: 1,
    digestAt: "08:00",
    staffDigestAt: "08:30",
    silentDays: 30,
    silentAt: "09:00",
    quietHours,
  };
}

/**
 * `cached: false` reads every unit's changes from the database each time: where several instances share
 * it, one instance's copy would miss a change made through another.
 */
export function policyService(
  repos: Pick<Repositories, "reminders">,
  quietHours: string | null,
  options: { cached?: boolean } = {},
) {
  const base = defaultPolicy(quietHours);
  const partial = policySchema.partial();
  const overridesIn = (settings: Record<string, unknown> | undefined): Partial<ReminderPolicy> =>
    settings ? (partial.safeParse(settings).data ?? {}) : {};
  const cache = new Map<number, Partial<ReminderPolicy>>();
  const overridesOf = async (unitId: number): Promise<Partial<ReminderPolicy>> => {
    if (options.cached === false) cache.clear();
    let found = cache.get(unitId);
    if (!found) {
      found = overridesIn(await repos.reminders.policy(unitId));
      cache.set(unitId, found);
    }
    return found;
  };
  /** Defaults, then each ancestor's changes from the top down: the nearest change above a unit wins. */
  const merged = (unit: Pick<Unit, "path">, changes: (id: number) => Partial<ReminderPolicy> | undefined) => {
    let policy = base;
    for (const id of lineage(unit)) {
      const change = changes(id);
      if (change) policy = { ...policy, ...change };
    }
    return policy;
  };
  return {
    /** The policy in force for a unit: defaults, then each ancestor's changes from the top down. */
    async of(unit: Pick<Unit, "path">): Promise<ReminderPolicy> {
      const changes = new Map<number, Partial<ReminderPolicy>>();
      for (const id of lineage(unit)) changes.set(id, await overridesOf(id));
      return merged(unit, (id) => changes.get(id));
    },
    /**
     * The policy of every unit of a subtree, read in one query and then answered without waiting: for pages
     * that show thousands of units. Read fresh each time, so it sees another instance's changes too.
     */
    async forSubtree(top: Pick<Unit, "path">): Promise<(unit: Pick<Unit, "path">) => ReminderPolicy> {
      const changes = new Map<number, Partial<ReminderPolicy>>();
      for (const [id, settings] of await repos.reminders.policiesAround(top.path))
        changes.set(id, overridesIn(settings));
      const known = new Map<string, ReminderPolicy>();
      return (unit) => {
        // Units with no change of their own share their parent's policy: one merge per parent.
        const parent = unit.path.slice(0, unit.path.lastIndexOf("/", unit.path.length - 2) + 1);
        const own = Number(unit.path.slice(parent.length, -1));
        if (changes.has(own)) return merged(unit, (id) => changes.get(id));
        let policy = known.get(parent);
        if (!policy) {
          policy = merged({ path: parent }, (id) => changes.get(id));
          known.set(parent, policy);
        }
        return policy;
      };
    },
    /** Every time of day at which some unit gets reminders of these kinds: other minutes need no work. */
    async timesOf(fields: ("remindAt" | "digestAt" | "staffDigestAt" | "silentAt")[]): Promise<string[]> {
      const times = new Set(fields.map((field) => base[field]));
      for (const settings of await repos.reminders.allPolicies()) {
        for (const field of fields) {
          const time = policySchema.shape[field].safeParse(settings[field]);
          if (time.success) times.add(time.data);
        }
      }
      return [...times];
    },
    /** Forget cached changes (after an admin edits a policy). */
    refresh(): void {
      cache.clear();
    },
  };
}

export type PolicyService = ReturnType<typeof policyService>;
