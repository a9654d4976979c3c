// Tables of the bot. Migrations under db/migrations are generated from this file by drizzle-kit.
import { sql } from "drizzle-orm";
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

export const UNIT_KINDS = ["national", "province", "district", "grassroots", "guild"] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
export const SECTORS = ["state", "non_state", "informal"] as const;
export type Sector = (typeof SECTORS)[number];
export const ROLES = ["chair", "officer", "admin"] as const;
export type Role = (typeof ROLES)[number];
export const PLATFORMS = ["telegram", "zalo"] as const;
export type Platform = (typeof PLATFORMS)[number];

export const units = sqliteTable(
  "units",
  {
    id: integer("id").primaryKey(),
    code: text("code").notNull(),
    name: text("name").notNull(),
    parentId: integer("parent_id").references((): never => units.id as never),
    kind: text("kind", { enum: UNIT_KINDS }).notNull(),
    sector: text("sector", { enum: SECTORS }),
    /** Members when the unit was imported: the base that reports add to. */
    members: integer("members").notNull().default(0),
    workers: integer("workers").notNull().default(0),
    /** Ids from the root down to this unit, "/1/5/77/": ancestors without a query, subtrees by prefix. */
    path: text("path").notNull(),
    depth: integer("depth").notNull(),
  },
  (t) => [uniqueIndex("units_code").on(t.code), index("units_parent").on(t.parentId), index("units_path").on(t.path)],
);

/**
 * The words that tell a unit's name apart (the language layer's unit-name key), one row each: finding the
 * units a name may mean among 131,000 without reading them all.
 */
export const unitWords = sqliteTable(
  "unit_words",
  {
    word: text("word").notNull(),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.word, t.unitId] }), index("unit_words_unit").on(t.unitId)],
);

export const people = sqliteTable("people", {
  id: integer("id").primaryKey(),
  displayName: text("display_name").notNull(),
  locale: text("locale").notNull().default("vi"),
  /** The app reminders and announcements go to when the person uses more than one; null: the first linked. */
  remindOn: text("remind_on", { enum: PLATFORMS }),
  createdAt: text("created_at").notNull(),
});

/** A short code from /lienket that links a second app's account to the same person. */
export const linkCodes = sqliteTable("link_codes", {
  code: text("code").primaryKey(),
  personId: integer("person_id")
    .notNull()
    .references(() => people.id),
  expiresAt: text("expires_at").notNull(),
  usedAt: text("used_at"),
  /** The app the code was made on: it links an account of the other app only. */
  platform: text("platform", { enum: PLATFORMS }),
});

/** Wrong invite or link codes an account typed: past a few in a quarter of an hour, codes are not even checked. */
export const codeAttempts = sqliteTable(
  "code_attempts",
  {
    id: integer("id").primaryKey(),
    platform: text("platform", { enum: PLATFORMS }).notNull(),
    externalId: text("external_id").notNull(),
    at: text("at").notNull(),
  },
  (t) => [index("code_attempts_account").on(t.platform, t.externalId, t.at)],
);

export const accounts = sqliteTable(
  "accounts",
  {
    id: integer("id").primaryKey(),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id),
    platform: text("platform", { enum: PLATFORMS }).notNull(),
    externalId: text("external_id").notNull(),
    chatId: text("chat_id").notNull(),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
  },
  (t) => [
    uniqueIndex("accounts_platform_external").on(t.platform, t.externalId),
    index("accounts_person").on(t.personId),
  ],
);

export const roles = sqliteTable(
  "roles",
  {
    id: integer("id").primaryKey(),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    role: text("role", { enum: ROLES }).notNull(),
    createdAt: text("created_at").notNull(),
  },
  (t) => [uniqueIndex("roles_person_unit_role").on(t.personId, t.unitId, t.role), index("roles_unit").on(t.unitId)],
);

export const invites = sqliteTable(
  "invites",
  {
    code: text("code").primaryKey(),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    role: text("role", { enum: ROLES }).notNull(),
    createdAt: text("created_at").notNull(),
    expiresAt: text("expires_at").notNull(),
    usedAt: text("used_at"),
    usedBy: integer("used_by").references(() => people.id),
  },
  (t) => [index("invites_unit").on(t.unitId)],
);

export const targets = sqliteTable(
  "targets",
  {
    id: integer("id").primaryKey(),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    metric: text("metric").notNull(),
    /** The year the target is for, "2026". */
    period: text("period").notNull(),
    value: integer("value").notNull(),
    /** YYYY-MM-DD, or null for the end of the period. */
    deadline: text("deadline"),
    /** "total": the subtree together; "each": a minimum every grassroots unit below must reach. */
    scope: text("scope", { enum: ["total", "each"] })
      .notNull()
      .default("total"),
    planId: integer("plan_id"),
  },
  (t) => [
    uniqueIndex("targets_unit_metric_period").on(t.unitId, t.metric, t.period),
    check("targets_value_nonnegative", sql`${t.value} >= 0`),
  ],
);

/** Append-only: a mistake is corrected by a reversing entry, never by editing or deleting a row. */
export const ledger = sqliteTable(
  "ledger",
  {
    id: integer("id").primaryKey(),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    event: text("event").notNull(),
    /** Signed: a reversing entry carries the opposite sign of the entry it reverses. */
    count: integer("count").notNull(),
    informal: integer("informal", { mode: "boolean" }).notNull().default(false),
    /** YYYY-MM-DD, the day it happened, in the configured time zone. */
    occurredOn: text("occurred_on").notNull(),
    period: text("period").notNull(),
    reporterId: integer("reporter_id").references(() => people.id),
    /** The platform message that carried the report, "telegram:1234"; one message is recorded once. */
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

/** Running totals per unit, its whole subtree included, kept current as the ledger is written. */
export const tallies = sqliteTable(
  "tallies",
  {
    unitId: integer("unit_id").notNull(),
    period: text("period").notNull(),
    event: text("event").notNull(),
    total: integer("total").notNull(),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.period, t.event] })],
);

/**
 * Append-only, like the ledger: every change that is not a report, with who made it, on which unit, and what
 * it was before and after (small JSON, never a phone number or a message's text). No foreign keys: the log
 * outlives what it names, and must never stop a person's record from being erased.
 */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey(),
    /** ISO instant of the change. */
    at: text("at").notNull(),
    /** Null for an operator at the command line. */
    personId: integer("person_id"),
    /** "telegram", "zalo", or "cli" for an operator. */
    platform: text("platform").notNull(),
    /** The platform's id of the account that made the change; null for an operator. */
    account: text("account"),
    /** What happened: "invite_created", "target_imported", … */
    kind: text("kind").notNull(),
    unitId: integer("unit_id"),
    /** The unit's path when the change was made: a district reads its subtree's log by range. */
    unitPath: text("unit_path"),
    before: text("before"),
    after: text("after"),
  },
  (t) => [index("audit_log_unit_path").on(t.unitPath), index("audit_log_at").on(t.at)],
);

/** Platform updates already handled: platforms redeliver until they see a 2xx. */
export const processedUpdates = sqliteTable(
  "processed_updates",
  {
    platform: text("platform").notNull(),
    updateId: text("update_id").notNull(),
    receivedAt: text("received_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.platform, t.updateId] })],
);

export const settings = sqliteTable("settings", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
});

export const METRIC_KINDS = ["count", "members", "member_rate", "rating_share"] as const;
export type MetricKind = (typeof METRIC_KINDS)[number];
export const RATINGS = ["xuat_sac", "tot", "hoan_thanh", "khong_hoan_thanh"] as const;
export type Rating = (typeof RATINGS)[number];

/** The catalogue of what a target can measure; seeded with the kinds in the plans, extensible by admins. */
export const metrics = sqliteTable("metrics", {
  key: text("key").primaryKey(),
  name: text("name").notNull(),
  kind: text("kind", { enum: METRIC_KINDS }).notNull(),
  /** For counts: the tally keys summed ("join", "leave", "join:informal"). JSON array. */
  events: text("events").notNull().default("[]"),
  /** For rates and shares: only grassroots units of this sector count. */
  sector: text("sector", { enum: SECTORS }),
  /** For rating shares: the ratings that count as reached. JSON array. */
  ratings: text("ratings").notNull().default("[]"),
  builtin: integer("builtin", { mode: "boolean" }).notNull().default(false),
  /**
   * The unit whose admin added the metric: only it may change it, and only it and the units below it may
   * set targets on it. Null for built-in metrics and those the operator added, which every unit may use.
   */
  ownerUnitId: integer("owner_unit_id").references(() => units.id),
});

/** A Kế hoạch or Chương trình: the document targets come from. */
export const plans = sqliteTable(
  "plans",
  {
    id: integer("id").primaryKey(),
    /** "39/KH-LĐLĐ" */
    number: text("number").notNull(),
    title: text("title").notNull(),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    issuedOn: text("issued_on"),
    /** First and last year the plan covers: "2023", "2028". */
    periodFrom: text("period_from").notNull(),
    periodTo: text("period_to").notNull(),
  },
  (t) => [uniqueIndex("plans_unit_number").on(t.unitId, t.number)],
);

/** Yearly rating of a grassroots union ("Hoàn thành tốt nhiệm vụ"), for rating-share targets. */
export const unitRatings = sqliteTable(
  "unit_ratings",
  {
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    year: text("year").notNull(),
    rating: text("rating", { enum: RATINGS }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.year] })],
);

/** A checked import waiting for its admin's confirmation. */
export const pendingImports = sqliteTable("pending_imports", {
  id: integer("id").primaryKey(),
  personId: integer("person_id")
    .notNull()
    .references(() => people.id),
  kind: text("kind").notNull(),
  /** The checked rows, JSON; re-checked when confirmed. */
  payload: text("payload").notNull(),
  createdAt: text("created_at").notNull(),
  settledAt: text("settled_at"),
  /**
   * Written with settledAt when the admin confirms: the checked plan and who applies it, JSON. From then on
   * the import is decided; it is written a chunk at a time and cleared once every row is in.
   */
  staged: text("staged"),
  /** How many of the staged plan's rows are written; each chunk moves it in the chunk's own transaction. */
  appliedRows: integer("applied_rows"),
});

/**
 * A long file's rows, kept beside its pending import a part at a time (payload "parts"). In the import's own
 * row, several megabytes of rows were read or rewritten whole by every statement touching the row, on the
 * thread that answers chats: storing them, reading them back, and moving the count of written rows.
 */
export const pendingImportParts = sqliteTable(
  "pending_import_parts",
  {
    importId: integer("import_id")
      .notNull()
      .references(() => pendingImports.id),
    part: integer("part").notNull(),
    /** The part's rows, one JSON row a line. */
    body: text("body").notNull(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.part] })],
);

/**
 * A report the bot doubted (more than the unit's workers not yet members, far above its usual reports) and
 * holds until its reporter confirms it. Keyed by the message it came from, so a redelivery holds it once.
 */
export const pendingReports = sqliteTable(
  "pending_reports",
  {
    id: integer("id").primaryKey(),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    /** The message that carried the report: the ledger is keyed by it once confirmed. */
    source: text("source").notNull(),
    /** The events and the day, JSON, as they will be recorded. */
    payload: text("payload").notNull(),
    createdAt: text("created_at").notNull(),
    settledAt: text("settled_at"),
  },
  (t) => [uniqueIndex("pending_reports_source").on(t.source), index("pending_reports_person").on(t.personId)],
);

/**
 * Everything the bot sends on its own (reminders, digests, announcements) is written here first, with a
 * key unique per recipient and occurrence, so nothing is sent twice or lost across restarts.
 */
export const outbox = sqliteTable(
  "outbox",
  {
    id: integer("id").primaryKey(),
    /** "deadline:<target or task>:<unit>:<offset>:<person>", "broadcast:<id>:<person>", …: one row per occurrence. */
    key: text("key").notNull(),
    personId: integer("person_id").references(() => people.id),
    platform: text("platform", { enum: PLATFORMS }).notNull(),
    chatId: text("chat_id").notNull(),
    /** "group" chats have their own, slower limit. */
    chatType: text("chat_type").notNull().default("private"),
    kind: text("kind").notNull(),
    /** The reply to send, JSON: { text, choices? }. */
    payload: text("payload").notNull(),
    /** Not sent before this instant (ISO): quiet hours, snoozes, retry back-off. */
    notBefore: text("not_before").notNull(),
    status: text("status", { enum: ["pending", "sending", "sent", "failed", "blocked"] })
      .notNull()
      .default("pending"),
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

/** Work that is not a number ("Nộp danh sách đoàn viên ưu tú"), due on a date, for a unit and everything below it. */
export const tasks = sqliteTable(
  "tasks",
  {
    id: integer("id").primaryKey(),
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

/** A unit that has done a task; no row means not done yet. */
export const taskDone = sqliteTable(
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

/** An admin's changes to the reminder policy for their subtree, JSON of the changed settings only. */
export const reminderPolicies = sqliteTable("reminder_policies", {
  unitId: integer("unit_id")
    .primaryKey()
    .references(() => units.id),
  settings: text("settings").notNull(),
  updatedAt: text("updated_at").notNull(),
});

/** Kinds of reminder a person asked to stop. */
export const reminderMutes = sqliteTable(
  "reminder_mutes",
  {
    personId: integer("person_id")
      .notNull()
      .references(() => people.id),
    kind: text("kind").notNull(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.kind] })],
);

/** "Nhắc lại sau": a reminder about one thing, put off for one person until an instant. */
export const reminderSnoozes = sqliteTable(
  "reminder_snoozes",
  {
    personId: integer("person_id")
      .notNull()
      .references(() => people.id),
    /** What the reminder is about: "t<target id>" or "k<task id>:<unit id>". */
    ref: text("ref").notNull(),
    until: text("until").notNull(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.ref] })],
);

export const broadcasts = sqliteTable("broadcasts", {
  id: integer("id").primaryKey(),
  unitId: integer("unit_id")
    .notNull()
    .references(() => units.id),
  text: text("text").notNull(),
  createdBy: integer("created_by"),
  createdAt: text("created_at").notNull(),
  confirmedAt: text("confirmed_at"),
  recipients: integer("recipients").notNull().default(0),
  /** When the delivery count was sent to the person who made it. */
  reportedAt: text("reported_at"),
});

/** The numbered choices last shown in a chat without buttons (Zalo), so "2" can be read back. */
export const chatChoices = sqliteTable(
  "chat_choices",
  {
    platform: text("platform", { enum: PLATFORMS }).notNull(),
    chatId: text("chat_id").notNull(),
    choices: text("choices").notNull(),
    createdAt: text("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.platform, t.chatId] })],
);

/**
 * A one-time link to the web dashboard, asked for in the chat (/web). Only the SHA-256 of its token is kept,
 * so a copy of the database opens nothing.
 */
export const webLinks = sqliteTable(
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
export const webSessions = sqliteTable(
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

/** Attempts to open a login link, by the SHA-256 of the address they came from: too many, and it must wait. */
export const webLinkAttempts = sqliteTable(
  "web_link_attempts",
  {
    id: integer("id").primaryKey(),
    clientHash: text("client_hash").notNull(),
    at: text("at").notNull(),
  },
  (t) => [index("web_link_attempts_client").on(t.clientHash, t.at)],
);

export const GENDERS = ["male", "female"] as const;
export type Gender = (typeof GENDERS)[number];
/** Where a member stands in the union: đang sinh hoạt, chuyển đi, nghỉ hưu, ra khỏi công đoàn. */
export const MEMBER_STATUSES = ["active", "moved", "retired", "left"] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];
/** A named member is approved upward before counting: chờ duyệt, đã duyệt, trả lại. */
export const MEMBER_APPROVALS = ["pending", "approved", "returned"] as const;
export type MemberApproval = (typeof MEMBER_APPROVALS)[number];

/**
 * A chair's confirmation that the members of a unit were given the notice (what is collected, why, who sees
 * it, for how long, their rights), kept as proof of consent; every member record names the one it was entered under.
 */
export const memberConsents = sqliteTable(
  "member_consents",
  {
    id: integer("id").primaryKey(),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id),
    /** Which text of the notice was confirmed: "2026-01". */
    notice: text("notice").notNull(),
    confirmedAt: text("confirmed_at").notNull(),
  },
  (t) => [index("member_consents_unit").on(t.unitId)],
);

/** The names a unit sends upward for approval, one list at a time: the district approves or returns it whole. */
export const memberLists = sqliteTable(
  "member_lists",
  {
    id: integer("id").primaryKey(),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    status: text("status", { enum: MEMBER_APPROVALS }).notNull().default("pending"),
    createdBy: integer("created_by"),
    createdAt: text("created_at").notNull(),
    reviewedBy: integer("reviewed_by"),
    reviewedAt: text("reviewed_at"),
    /** Why it was returned, for the chair. */
    reason: text("reason"),
  },
  (t) => [index("member_lists_unit_status").on(t.unitId, t.status)],
);

/**
 * The member register. The ID number, birth date, hometown, ethnicity and religion are sealed (AES-256-GCM
 * under MEMBER_DATA_KEY, see src/domain/member-vault.ts); duplicates are found by a keyed hash of the ID
 * number. An erased member keeps the row, without any personal data, so counts stay as they were.
 */
export const members = sqliteTable(
  "members",
  {
    id: integer("id").primaryKey(),
    unitId: integer("unit_id")
      .notNull()
      .references(() => units.id),
    listId: integer("list_id").references(() => memberLists.id),
    fullName: text("full_name"),
    gender: text("gender", { enum: GENDERS }),
    /** HMAC-SHA-256 of the ID number under a key derived from MEMBER_DATA_KEY: one person, one record. */
    idHash: text("id_hash"),
    idNumber: text("id_number"),
    birthDate: text("birth_date"),
    hometown: text("hometown"),
    ethnicity: text("ethnicity"),
    religion: text("religion"),
    /** When the member's separate consent to ethnicity and religion was recorded; null: neither is kept. */
    sensitiveConsentAt: text("sensitive_consent_at"),
    /** YYYY-MM-DD the member joined the union. */
    joinedOn: text("joined_on").notNull(),
    cardNumber: text("card_number"),
    approval: text("approval", { enum: MEMBER_APPROVALS }).notNull().default("pending"),
    status: text("status", { enum: MEMBER_STATUSES }).notNull().default("active"),
    /** YYYY-MM-DD of the status: the joining day while active. */
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
export const memberInvites = sqliteTable(
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

/**
 * A member's own messaging account: it sees that member's record and nothing else. Not a role: a member holds
 * no post on the unit and sees none of its figures.
 */
export const memberAccounts = sqliteTable(
  "member_accounts",
  {
    platform: text("platform", { enum: PLATFORMS }).notNull(),
    externalId: text("external_id").notNull(),
    memberId: integer("member_id")
      .notNull()
      .references(() => members.id),
    linkedAt: text("linked_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.platform, t.externalId] }), index("member_accounts_member").on(t.memberId)],
);
