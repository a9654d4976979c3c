// The PostgreSQL tables: the same tables, columns, indexes, unique constraints and defaults as db/schema.ts,
// so that both stores answer alike. Migrations under db/migrations-pg are generated from this file by
// drizzle-kit (drizzle-pg.config.ts). Differences, each on purpose:
// - every text column compares bytewise (COLLATE "C"), as SQLite does: subtree ranges ("/1/5/" < "/1/50"),
//   word-prefix ranges and the order of names must not depend on the server's locale;
// - ids are integer identities "by default", so that a move from SQLite can keep them;
// - tallies carry a shard: the national and province totals are split over a few rows (see
//   repositories/ledger.ts), and every read sums over the shards;
// - processed_updates has an index on received_at, standing in for SQLite's rowid order when pruning.
import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  customType,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import {
  GENDERS,
  MEMBER_APPROVALS,
  MEMBER_STATUSES,
  METRIC_KINDS,
  PLATFORMS,
  RATINGS,
  ROLES,
  SECTORS,
  UNIT_KINDS,
} from "#db/schema.ts";

/** Text compared byte by byte, like SQLite's default collation. */
const text = customType<{ data: string; driverData: string }>({
  dataType: () => `text COLLATE "C"`,
});
/** A text column holding one of a few values; the values are checked by the code, as on SQLite. */
const oneOf = <T extends readonly [string, ...string[]]>(name: string, _values: T) =>
  customType<{ data: T[number]; driverData: string }>({ dataType: () => `text COLLATE "C"` })(name);

const id = () => integer("id").primaryKey().generatedByDefaultAsIdentity();

export const units = pgTable(
  "units",
  {
    id: id(),
    code: text("code").notNull(),
    name: text("name").notNull(),
    parentId: integer("parent_id").references((): never => units.id as never),
    kind: oneOf("kind", UNIT_KINDS).notNull(),
    sector: oneOf("sector", SECTORS),
    members: integer("members").notNull().default(0),
    workers: integer("workers").notNull().default(0),
    path: text("path").notNull(),
    depth: integer("depth").notNull(),
  },
  (t) => [uniqueIndex("units_code").on(t.code), index("units_parent").on(t.parentId), index("units_path").on(t.path)],
);

export const unitWords = pgTable(
  "unit_words",
  {
    word: text("word").notNull(),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.word, t.unitId] }), index("unit_words_unit").on(t.unitId)],
);

export const people = pgTable("people", {
  id: id(),
  displayName: text("display_name").notNull(),
  locale: text("locale").notNull().default("vi"),
  remindOn: oneOf("remind_on", PLATFORMS),
  createdAt: text("created_at").notNull(),
});

export const linkCodes = pgTable("link_codes", {
  code: text("code").primaryKey(),
  personId: integer("person_id")
    .notNull()
    .references(() => people.id),
  expiresAt: text("expires_at").notNull(),
  usedAt: text("used_at"),
  platform: oneOf("platform", PLATFORMS),
});

export const codeAttempts = pgTable(
  "code_attempts",
  {
    id: id(),
    platform: oneOf("platform", PLATFORMS).notNull(),
    externalId: text("external_id").notNull(),
    at: text("at").notNull(),
  },
  (t) => [index("code_attempts_account").on(t.platform, t.externalId, t.at)],
);

export const accounts = pgTable(
  "accounts",
  {
    id: id(),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id),
    platform: oneOf("platform", PLATFORMS).notNull(),
    externalId: text("external_id").notNull(),
    chatId: text("chat_id").notNull(),
    active: boolean("active").notNull().default(true),
  },
  (t) => [
    uniqueIndex("accounts_platform_external").on(t.platform, t.externalId),
    index("accounts_person").on(t.personId),
  ],
);

export const roles = pgTable(
  "roles",
  {
    id: id(),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    role: oneOf("role", ROLES).notNull(),
    createdAt: text("created_at").notNull(),
  },
  (t) => [uniqueIndex("roles_person_unit_role").on(t.personId, t.unitId, t.role), index("roles_unit").on(t.unitId)],
);

export const invites = pgTable(
  "invites",
  {
    code: text("code").primaryKey(),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    role: oneOf("role", ROLES).notNull(),
    createdAt: text("created_at").notNull(),
    expiresAt: text("expires_at").notNull(),
    usedAt: text("used_at"),
    usedBy: integer("used_by").references(() => people.id),
  },
  (t) => [index("invites_unit").on(t.unitId)],
);

export const targets = pgTable(
  "targets",
  {
    id: id(),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    metric: text("metric").notNull(),
    period: text("period").notNull(),
    value: integer("value").notNull(),
    deadline: text("deadline"),
    scope: oneOf("scope", ["total", "each"]).notNull().default("total"),
    planId: integer("plan_id"),
  },
  (t) => [
    uniqueIndex("targets_unit_metric_period").on(t.unitId, t.metric, t.period),
    check("targets_value_nonnegative", sql`${t.value} >= 0`),
  ],
);

export const ledger = pgTable(
  "ledger",
  {
    id: id(),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    event: text("event").notNull(),
    count: integer("count").notNull(),
    informal: boolean("informal").notNull().default(false),
    occurredOn: text("occurred_on").notNull(),
    period: text("period").notNull(),
    reporterId: integer("reporter_id").references(() => people.id),
    source: text("source").notNull(),
    note: text("note"),
    reverses: integer("reverses"),
    undoneBy: integer("undone_by"),
    createdAt: text("created_at").notNull(),
  },
  (t) => [
    uniqueIndex("ledger_source_event").on(t.source, t.event, t.unitId, t.informal),
    index("ledger_unit_period").on(t.unitId, t.period),
    index("ledger_reporter").on(t.reporterId),
    // A unit's last report without reading its history: the dashboard shows it for every unit of a province.
    index("ledger_unit_day").on(t.unitId, t.occurredOn),
  ],
);

/**
 * Running totals per unit, its whole subtree included. A total is the sum of its shards: the rows every
 * report touches (the nation's, a province's) are split so that concurrent reports do not queue on one row.
 */
export const tallies = pgTable(
  "tallies",
  {
    unitId: integer("unit_id").notNull(),
    period: text("period").notNull(),
    event: text("event").notNull(),
    shard: smallint("shard").notNull().default(0),
    total: integer("total").notNull(),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.period, t.event, t.shard] })],
);

/** Append-only: a trigger in the migration refuses updates, deletes and truncation. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: id(),
    at: text("at").notNull(),
    personId: integer("person_id"),
    platform: text("platform").notNull(),
    account: text("account"),
    kind: text("kind").notNull(),
    unitId: integer("unit_id"),
    unitPath: text("unit_path"),
    before: text("before"),
    after: text("after"),
  },
  (t) => [index("audit_log_unit_path").on(t.unitPath), index("audit_log_at").on(t.at)],
);

export const processedUpdates = pgTable(
  "processed_updates",
  {
    platform: text("platform").notNull(),
    updateId: text("update_id").notNull(),
    receivedAt: text("received_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.platform, t.updateId] }), index("processed_updates_received").on(t.receivedAt)],
);

export const settings = pgTable("settings", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
});

export const metrics = pgTable("metrics", {
  key: text("key").primaryKey(),
  name: text("name").notNull(),
  kind: oneOf("kind", METRIC_KINDS).notNull(),
  events: text("events").notNull().default("[]"),
  sector: oneOf("sector", SECTORS),
  ratings: text("ratings").notNull().default("[]"),
  builtin: boolean("builtin").notNull().default(false),
  ownerUnitId: integer("owner_unit_id").references(() => units.id),
  /** Insertion order: SQLite lists metrics in rowid order, which a text key does not have here. */
  seq: integer("seq").notNull().generatedAlwaysAsIdentity(),
});

export const plans = pgTable(
  "plans",
  {
    id: id(),
    number: text("number").notNull(),
    title: text("title").notNull(),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    issuedOn: text("issued_on"),
    periodFrom: text("period_from").notNull(),
    periodTo: text("period_to").notNull(),
  },
  (t) => [uniqueIndex("plans_unit_number").on(t.unitId, t.number)],
);

export const unitRatings = pgTable(
  "unit_ratings",
  {
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    year: text("year").notNull(),
    rating: oneOf("rating", RATINGS).notNull(),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.year] })],
);

export const pendingImports = pgTable("pending_imports", {
  id: id(),
  personId: integer("person_id")
    .notNull()
    .references(() => people.id),
  kind: text("kind").notNull(),
  payload: text("payload").notNull(),
  createdAt: text("created_at").notNull(),
  settledAt: text("settled_at"),
  /** As on SQLite: what applying a confirmed import needs, until every row is written. */
  staged: text("staged"),
  appliedRows: integer("applied_rows"),
});

/** As on SQLite: a long file's rows, a part at a time. */
export const pendingImportParts = pgTable(
  "pending_import_parts",
  {
    importId: integer("import_id")
      .notNull()
      .references(() => pendingImports.id),
    part: integer("part").notNull(),
    body: text("body").notNull(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.part] })],
);

export const pendingReports = pgTable(
  "pending_reports",
  {
    id: id(),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    source: text("source").notNull(),
    payload: text("payload").notNull(),
    createdAt: text("created_at").notNull(),
    settledAt: text("settled_at"),
  },
  (t) => [uniqueIndex("pending_reports_source").on(t.source), index("pending_reports_person").on(t.personId)],
);

export const outbox = pgTable(
  "outbox",
  {
    id: id(),
    key: text("key").notNull(),
    personId: integer("person_id").references(() => people.id),
    platform: oneOf("platform", PLATFORMS).notNull(),
    chatId: text("chat_id").notNull(),
    chatType: text("chat_type").notNull().default("private"),
    kind: text("kind").notNull(),
    payload: text("payload").notNull(),
    notBefore: text("not_before").notNull(),
    status: oneOf("status", ["pending", "sending", "sent", "failed", "blocked"]).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    claimedAt: text("claimed_at"),
    sentAt: text("sent_at"),
    broadcastId: integer("broadcast_id"),
    createdAt: text("created_at").notNull(),
  },
  (t) => [
    uniqueIndex("outbox_key").on(t.key),
    index("outbox_due").on(t.status, t.notBefore),
    index("outbox_broadcast").on(t.broadcastId),
  ],
);

export const tasks = pgTable(
  "tasks",
  {
    id: id(),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    title: text("title").notNull(),
    dueOn: text("due_on").notNull(),
    planId: integer("plan_id"),
    createdBy: integer("created_by"),
    createdAt: text("created_at").notNull(),
  },
  (t) => [index("tasks_unit").on(t.unitId), index("tasks_due").on(t.dueOn)],
);

export const taskDone = pgTable(
  "task_done",
  {
    taskId: integer("task_id")
      .notNull()
      .references(() => tasks.id),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    doneAt: text("done_at").notNull(),
    doneBy: integer("done_by"),
  },
  (t) => [primaryKey({ columns: [t.taskId, t.unitId] })],
);

export const reminderPolicies = pgTable("reminder_policies", {
  unitId: integer("unit_id")
    .primaryKey()
    .references(() => units.id),
  settings: text("settings").notNull(),
  updatedAt: text("updated_at").notNull(),
});

export const reminderMutes = pgTable(
  "reminder_mutes",
  {
    personId: integer("person_id")
      .notNull()
      .references(() => people.id),
    kind: text("kind").notNull(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.kind] })],
);

export const reminderSnoozes = pgTable(
  "reminder_snoozes",
  {
    personId: integer("person_id")
      .notNull()
      .references(() => people.id),
    ref: text("ref").notNull(),
    until: text("until").notNull(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.ref] })],
);

export const broadcasts = pgTable("broadcasts", {
  id: id(),
  unitId: integer("unit_id")
    .notNull()
    .references(() => units.id),
  text: text("text").notNull(),
  createdBy: integer("created_by"),
  createdAt: text("created_at").notNull(),
  confirmedAt: text("confirmed_at"),
  recipients: integer("recipients").notNull().default(0),
  reportedAt: text("reported_at"),
});

export const chatChoices = pgTable(
  "chat_choices",
  {
    platform: oneOf("platform", PLATFORMS).notNull(),
    chatId: text("chat_id").notNull(),
    choices: text("choices").notNull(),
    createdAt: text("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.platform, t.chatId] })],
);

/** A one-time link to the web dashboard; only the SHA-256 of its token is kept. */
export const webLinks = pgTable(
  "web_links",
  {
    tokenHash: text("token_hash").primaryKey(),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id),
    createdAt: text("created_at").notNull(),
    expiresAt: text("expires_at").notNull(),
    usedAt: text("used_at"),
  },
  (t) => [index("web_links_person").on(t.personId)],
);

/** A signed-in browser: the SHA-256 of its cookie's value, whose person, until when. */
export const webSessions = pgTable(
  "web_sessions",
  {
    idHash: text("id_hash").primaryKey(),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id),
    createdAt: text("created_at").notNull(),
    expiresAt: text("expires_at").notNull(),
  },
  (t) => [index("web_sessions_person").on(t.personId)],
);

/** Attempts to open a login link, by the SHA-256 of the address they came from. */
export const webLinkAttempts = pgTable(
  "web_link_attempts",
  {
    id: id(),
    clientHash: text("client_hash").notNull(),
    at: text("at").notNull(),
  },
  (t) => [index("web_link_attempts_client").on(t.clientHash, t.at)],
);

/** A chair's confirmation that the unit's members were given the notice (db/schema.ts says more). */
export const memberConsents = pgTable(
  "member_consents",
  {
    id: id(),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id),
    notice: text("notice").notNull(),
    confirmedAt: text("confirmed_at").notNull(),
  },
  (t) => [index("member_consents_unit").on(t.unitId)],
);

/** The names a unit sends upward for approval, one list at a time. */
export const memberLists = pgTable(
  "member_lists",
  {
    id: id(),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    status: oneOf("status", MEMBER_APPROVALS).notNull().default("pending"),
    createdBy: integer("created_by"),
    createdAt: text("created_at").notNull(),
    reviewedBy: integer("reviewed_by"),
    reviewedAt: text("reviewed_at"),
    reason: text("reason"),
  },
  (t) => [index("member_lists_unit_status").on(t.unitId, t.status)],
);

/**
 * The member register. Sealed values are the same base64 text the SQLite store keeps (src/domain/member-vault.ts),
 * so a move between stores copies them as they are; id_hash is the keyed hash, never the number.
 */
export const members = pgTable(
  "members",
  {
    id: id(),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    listId: integer("list_id").references(() => memberLists.id),
    fullName: text("full_name"),
    gender: oneOf("gender", GENDERS),
    idHash: text("id_hash"),
    idNumber: text("id_number"),
    birthDate: text("birth_date"),
    hometown: text("hometown"),
    ethnicity: text("ethnicity"),
    religion: text("religion"),
    sensitiveConsentAt: text("sensitive_consent_at"),
    joinedOn: text("joined_on").notNull(),
    cardNumber: text("card_number"),
    approval: oneOf("approval", MEMBER_APPROVALS).notNull().default("pending"),
    status: oneOf("status", MEMBER_STATUSES).notNull().default("active"),
    statusOn: text("status_on").notNull(),
    consentId: integer("consent_id").references(() => memberConsents.id),
    createdBy: integer("created_by"),
    createdAt: text("created_at").notNull(),
    erasedAt: text("erased_at"),
  },
  (t) => [
    uniqueIndex("members_id_hash").on(t.idHash),
    uniqueIndex("members_card_number").on(t.cardNumber),
    index("members_unit").on(t.unitId),
    index("members_list").on(t.listId),
  ],
);

/** A single-use code a chair makes for one member, so that the member can see their own record (/toi). */
export const memberInvites = pgTable(
  "member_invites",
  {
    code: text("code").primaryKey(),
    memberId: integer("member_id")
      .notNull()
      .references(() => members.id),
    createdBy: integer("created_by"),
    createdAt: text("created_at").notNull(),
    expiresAt: text("expires_at").notNull(),
    usedAt: text("used_at"),
  },
  (t) => [index("member_invites_member").on(t.memberId)],
);

/** A member's own messaging account: it sees that member's record and nothing else. */
export const memberAccounts = pgTable(
  "member_accounts",
  {
    platform: oneOf("platform", PLATFORMS).notNull(),
    externalId: text("external_id").notNull(),
    memberId: integer("member_id")
      .notNull()
      .references(() => members.id),
    linkedAt: text("linked_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.platform, t.externalId] }), index("member_accounts_member").on(t.memberId)],
);
