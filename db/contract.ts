// The repositories as one contract, asynchronous as a network database needs: the SQLite store implements
// it (db/index.ts), and any other store must too. Every method returns a promise; callers await them.
// The row types live beside the SQLite repositories that first defined them; only their shapes matter here.
import type { AuditEntry, AuditInput, AuditQuery } from "./repositories/audit.ts";
import type { Choice } from "./repositories/chat-choices.ts";
import type { ReportEntry, UnitFacts } from "./repositories/dashboard.ts";
import type { ShortOfMinimum, UnitRef } from "./repositories/figures.ts";
import type { HoldsClosed, LedgerEntry, LedgerEntryInput } from "./repositories/ledger.ts";
import type {
  Consent,
  MemberAccount,
  MemberCorrection,
  MemberList,
  MemberRow,
  NewMember,
  PlacedMember,
  SealedRow,
  SelfInvite,
} from "./repositories/members.ts";
import type { Metric } from "./repositories/metrics.ts";
import type { BroadcastCounts, OutboxInput, OutboxMessage, OutboxState } from "./repositories/outbox.ts";
import type { PendingImport, StagedImport } from "./repositories/pending-imports.ts";
import type { PendingReport } from "./repositories/pending-reports.ts";
import type { Account, Invite, LinkCode, RoleGrant } from "./repositories/people.ts";
import type { Plan } from "./repositories/plans.ts";
import type { Broadcast, Recipient, Task } from "./repositories/reminders.ts";
import type { ChildTargetRow, StoredTarget, Target } from "./repositories/targets.ts";
import type { Unit, UnitInput } from "./repositories/units.ts";
import type { LinkUse, SessionPerson } from "./repositories/web-sessions.ts";
import type { MemberApproval, MemberStatus, Platform, Role, Sector } from "./schema.ts";

export interface MetricRepository {
  /** Adds the built-in metrics that are missing; run once at start. */
  ensureBuiltins(): Promise<void>;
  all(): Promise<Map<string, Metric>>;
  get(key: string): Promise<Metric | undefined>;
  add(metric: Omit<Metric, "builtin" | "ownerUnitId">, ownerUnitId?: number | null): Promise<void>;
}

export interface FigureRepository {
  shortOfMinimum(
    unit: UnitRef,
    events: string[],
    period: string,
    minimum: number,
    listed: number,
  ): Promise<ShortOfMinimum>;
  bySector(unit: UnitRef, events: string[], period: string): Promise<{ sector: Sector | null; total: number }[]>;
  members(unit: UnitRef): Promise<number>;
  memberRate(unit: UnitRef, sector: Sector | null): Promise<{ members: number; workers: number }>;
  ratingShare(
    unit: UnitRef,
    sector: Sector | null,
    ratings: string[],
    year: string,
  ): Promise<{ rated: number; total: number }>;
  setRating(unitId: number, year: string, rating: string): Promise<void>;
  /** The unit's rating for the year, if it has one. */
  rating(unitId: number, year: string): Promise<string | undefined>;
}

export interface UnitRepository {
  /** Rebuilds the name index of every unit; returns how many units it holds. */
  reindexNames(): Promise<number>;
  /** Inserts a new unit or updates the one with the same code; the parent must exist already. */
  upsert(input: UnitInput): Promise<Unit>;
  sharingWords(words: readonly string[], within: readonly Unit[], limit: number): Promise<Unit[]>;
  leavesWithoutRole(unit: Unit, role: string): Promise<Unit[]>;
  withPeople(): Promise<Unit[]>;
  firstRoleOn(unitId: number): Promise<string | undefined>;
  byId(id: number): Promise<Unit | undefined>;
  byCode(code: string): Promise<Unit | undefined>;
  byCodes(codes: string[]): Promise<Map<string, Unit>>;
  children(id: number): Promise<Unit[]>;
  subtree(unit: Unit): Promise<Unit[]>;
  subtreeInTreeOrder(unit: Unit): Promise<Unit[]>;
  countInSubtreeUpTo(unit: Unit, cap: number): Promise<number>;
  countInSubtree(unit: Unit): Promise<number>;
}

/** Who an account belongs to, with the posts the person holds. */
export interface Who {
  personId: number;
  displayName: string;
  locale: string;
  posts: { role: Role; unit: Unit }[];
}

export interface PeopleRepository {
  recordWrongCode(platform: Platform, externalId: string, at: string): Promise<void>;
  wrongCodesSince(
    platform: Platform,
    externalId: string,
    since: string,
  ): Promise<{ count: number; oldest: string | null }>;
  createLinkCode(code: string, personId: number, expiresAt: string, platform: Platform): Promise<void>;
  linkCode(code: string): Promise<LinkCode | undefined>;
  accountsOf(personId: number): Promise<(Account & { id: number })[]>;
  unlinkAccount(personId: number, accountId: number): Promise<boolean>;
  linkAccount(
    code: string,
    personId: number,
    account: Omit<Account, "personId" | "active">,
    now: string,
  ): Promise<boolean>;
  account(platform: Platform, externalId: string): Promise<Account | undefined>;
  invite(code: string): Promise<Invite | undefined>;
  createInvite(code: string, unitId: number, role: Role, now: string, expiresAt: string): Promise<void>;
  redeem(
    invite: Invite,
    account: Omit<Account, "personId" | "active">,
    displayName: string,
    now: string,
    locale?: string,
  ): Promise<number | null>;
  who(platform: Platform, externalId: string): Promise<Who | undefined>;
  platformsOf(personId: number): Promise<{ platform: Platform; active: boolean }[]>;
  remindOn(personId: number): Promise<Platform | null>;
  setRemindOn(personId: number, platform: Platform): Promise<void>;
  setLocale(personId: number, locale: string): Promise<void>;
  address(personId: number): Promise<{ platform: Platform; chatId: string } | undefined>;
  person(id: number): Promise<{ id: number; displayName: string; locale: string } | undefined>;
  roles(personId: number): Promise<RoleGrant[]>;
}

export interface TargetRepository {
  forChildrenWithDone(
    parentId: number,
    period: string,
    metric: string,
    events: string[],
  ): Promise<(ChildTargetRow & { done: number })[]>;
  childMetrics(parentId: number, period: string): Promise<string[]>;
  withDeadlineAround(day: string, before: number, after: number): Promise<StoredTarget[]>;
  byId(id: number): Promise<StoredTarget | undefined>;
  inSubtree(path: string, period: string): Promise<Target[]>;
  forUnit(unitId: number, period: string): Promise<Target[]>;
  /** The targets of several units (a unit's lineage) for a period, by unit; every unit asked for has a list. */
  forUnits(unitIds: readonly number[], period: string): Promise<Map<number, Target[]>>;
  forChildren(parentId: number, period: string, metric: string): Promise<ChildTargetRow[]>;
  find(unitId: number, metric: string, period: string): Promise<Target | undefined>;
  upsert(target: Omit<Target, "scope" | "planId"> & Partial<Pick<Target, "scope" | "planId">>): Promise<void>;
}

export interface LedgerRepository {
  /**
   * Records every entry and its roll-ups, or nothing; returns the ids of the entries not recorded before.
   * Given `closes`, a report that wrote anything also closes its reporter's other open questions about the unit.
   */
  record(entries: LedgerEntryInput[], now: string, closes?: HoldsClosed): Promise<number[]>;
  /** Appends a reversing entry for each live entry of a source; `lineageOf` must answer without waiting. */
  reverseSource(
    source: string,
    lineageOf: (unitId: number) => number[],
    reporterId: number | null,
    now: string,
  ): Promise<LedgerEntry[]>;
  bySource(source: string): Promise<LedgerEntry[]>;
  byId(id: number): Promise<LedgerEntry | undefined>;
  lastEntryOf(reporterId: number): Promise<LedgerEntry | undefined>;
  lastLiveEntryOf(reporterId: number): Promise<LedgerEntry | undefined>;
  reportSizes(unitId: number, event: string): Promise<{ reports: number; largest: number }>;
  tallies(unitId: number, period: string): Promise<Map<string, number>>;
  /** Only of `events` when given. */
  subtreeTallies(path: string, period: string, events?: string[]): Promise<Map<number, Map<string, number>>>;
  lastReportOn(unitId: number): Promise<string | null>;
}

export interface UpdateRepository {
  /**
   * True the first time an update is seen; false for a redelivery. On SQLite the claim opens the write
   * batch, so the update's writes commit with it. `sender`, the account that sent the update, lets
   * PostgreSQL read who that is (people.who) in the claim's own round trip.
   */
  claim(platform: string, updateId: string, now: string, sender?: string): Promise<boolean>;
  /** Resolves once the claims made so far, and what their updates wrote, are committed. */
  committed(): Promise<void>;
  /** Forgets updates seen before an instant, a batch at a time; returns how many went. */
  prune(before: string, batch?: number): Promise<number>;
  setting(key: string): Promise<string | undefined>;
  setSetting(key: string, value: string): Promise<void>;
}

export interface PendingImportRepository {
  create(personId: number, kind: string, payload: string, now: string): Promise<number>;
  get(id: number): Promise<PendingImport | undefined>;
  settle(id: number, now: string): Promise<boolean>;
  /** A person's newest unsettled one of a kind: the member they are entering. */
  latestOpen(personId: number, kind: string): Promise<PendingImport | undefined>;
  /** Replaces what an unsettled one holds; false once it is settled. */
  replacePayload(id: number, payload: string): Promise<boolean>;
  /** Settles it as confirmed, with what applying it needs: true for the one call that does. */
  stage(id: number, now: string, staged: string): Promise<boolean>;
  /** Records that the first `appliedRows` rows are written. */
  advance(id: number, appliedRows: number): Promise<void>;
  /** Every row is written. */
  finish(id: number): Promise<void>;
  /** Confirmed imports a stop interrupted, oldest first. */
  unfinished(): Promise<StagedImport[]>;
  /** Keeps part `part` (from 0) of a long file's rows beside the import. */
  addPart(id: number, part: number, body: string): Promise<void>;
  /** Part `part` of the import's rows, or undefined past the last. */
  part(id: number, part: number): Promise<string | undefined>;
  /** Drops the import's parts: it is written, or was cancelled. */
  dropParts(id: number): Promise<void>;
}

export interface PendingReportRepository {
  hold(personId: number, unitId: number, source: string, payload: string, now: string): Promise<PendingReport>;
  get(id: number): Promise<PendingReport | undefined>;
  settle(id: number, now: string): Promise<boolean>;
  supersede(personId: number, unitId: number, exceptSource: string, now: string): Promise<void>;
}

export interface PlanRepository {
  save(plan: Omit<Plan, "id">): Promise<number>;
  byNumber(number: string): Promise<Plan[]>;
  byId(id: number): Promise<Plan | undefined>;
}

export interface ReminderRepository {
  people(unitId: number): Promise<Recipient[]>;
  peopleInSubtree(unit: { path: string }): Promise<number[]>;
  createBroadcast(unitId: number, text: string, createdBy: number | null, now: string): Promise<number>;
  broadcast(id: number): Promise<Broadcast | undefined>;
  confirmBroadcast(id: number, recipients: number, now: string): Promise<boolean>;
  unreportedBroadcasts(): Promise<Broadcast[]>;
  markReported(id: number, now: string): Promise<boolean>;
  policy(unitId: number): Promise<Record<string, unknown> | undefined>;
  allPolicies(): Promise<Record<string, unknown>[]>;
  /** The changes of every unit above or within a unit's subtree, by unit. */
  policiesAround(path: string): Promise<Map<number, Record<string, unknown>>>;
  savePolicy(unitId: number, settings: Record<string, unknown>, now: string): Promise<void>;
  mutes(personId: number): Promise<Set<string>>;
  mute(personId: number, kind: string): Promise<void>;
  unmute(personId: number, kind: string): Promise<void>;
  snooze(personId: number, ref: string, until: string): Promise<void>;
  snoozedUntil(personId: number, ref: string): Promise<string | undefined>;
  snoozesEnding(after: string, upTo: string): Promise<{ personId: number; ref: string; until: string }[]>;
  addTask(unitId: number, title: string, dueOn: string, createdBy: number | null, now: string): Promise<number>;
  task(id: number): Promise<Task | undefined>;
  tasksFor(unitIds: number[]): Promise<Task[]>;
  tasksDueBetween(from: string, to: string): Promise<Task[]>;
  markDone(taskId: number, unitId: number, personId: number | null, now: string): Promise<boolean>;
  isDone(taskId: number, unitId: number): Promise<boolean>;
  tasksInSubtree(unit: { id: number; path: string }): Promise<Task[]>;
}

export interface OutboxRepository {
  recoverStale(olderThan: string): Promise<number>;
  nextDue(): Promise<string | null>;
  broadcastCounts(broadcastId: number): Promise<BroadcastCounts>;
  byKey(key: string): Promise<OutboxState | undefined>;
  markSent(id: number, now: string): Promise<boolean>;
  markRetry(id: number, notBefore: string, error: string): Promise<boolean>;
  defer(id: number, notBefore: string, reason?: string): Promise<boolean>;
  markBlocked(id: number): Promise<boolean>;
  claimDue(now: string, limit: number, platform?: Platform): Promise<OutboxMessage[]>;
  release(id: number): Promise<boolean>;
  markFailed(id: number, error: string): Promise<boolean>;
  enqueue(rows: readonly OutboxInput[], now: string): Promise<number>;
}

export interface ChatChoiceRepository {
  remember(platform: Platform, chatId: string, choices: readonly Choice[], now: string): Promise<void>;
  recall(platform: Platform, chatId: string, now: string, maxAgeMs?: number): Promise<Choice[] | undefined>;
  forget(platform: Platform, chatId: string): Promise<void>;
}

export interface AuditRepository {
  append(entry: AuditInput): Promise<void>;
  read(query: AuditQuery): Promise<AuditEntry[]>;
}

/**
 * The member register (issue 14). Values arrive sealed; the store never sees an ID number. Writes that must
 * stand with another repository's (a status and its ledger entry, a change and its audit entry) are composed
 * by the domain inside `transaction`; each method that writes several rows of its own is all or nothing.
 */
export interface MemberRepository {
  consentOf(unitId: number): Promise<Consent | undefined>;
  recordConsent(unitId: number, personId: number, notice: string, at: string): Promise<number>;
  get(id: number): Promise<MemberRow | undefined>;
  /** The member holding an ID number anywhere, by its keyed hash. */
  holderOf(idHash: string): Promise<MemberRow | undefined>;
  byCard(cardNumber: string): Promise<MemberRow | undefined>;
  /** A unit's members, erased ones left out, in the order entered. */
  ofUnit(unitId: number): Promise<MemberRow[]>;
  ofList(listId: number): Promise<MemberRow[]>;
  listSize(listId: number): Promise<number>;
  /** Approved, not erased members of the subtree at `path`, by unit code then id. */
  approvedInSubtree(path: string): Promise<PlacedMember[]>;
  /** Members a unit named (lists not returned) and approved, who joined in the year `period`. */
  countsOf(unitId: number, period: string): Promise<{ named: number; approved: number }>;
  sealedRows(): Promise<SealedRow[]>;
  /** Pending lists (or another state) of the subtree at `path`, oldest first. */
  lists(path: string, status: MemberApproval): Promise<MemberList[]>;
  list(id: number): Promise<MemberList | undefined>;
  /** A pending list and its pending members approved or returned; false when no longer pending. */
  review(
    listId: number,
    decision: { approval: "approved" | "returned"; by: number | null; reason: string | null; at: string },
  ): Promise<boolean>;
  resubmit(listId: number): Promise<boolean>;
  /** Adds members to the unit's pending list (opened if none), all or none; throws on a held hash or card. */
  add(unitId: number, rows: NewMember[], by: number | null, now: string): Promise<{ listId: number; ids: number[] }>;
  changeStatus(id: number, status: MemberStatus, on: string): Promise<boolean>;
  setCards(cards: { id: number; cardNumber: string }[]): Promise<void>;
  /** Clears the personal fields and the hash, unlinks the member's accounts, drops unused member invites. */
  erase(id: number, at: string): Promise<boolean>;
  /**
   * Rewrites a member's corrected fields (sealed, with the new hash); an active member's status date follows the
   * joining day. False when the member was erased; throws on an ID number or card number another member holds.
   */
  correct(id: number, fields: MemberCorrection): Promise<boolean>;
  /** Clears every hash, then writes the re-sealed values and new hashes, all or nothing. */
  reseal(rows: (SealedRow & { idHash: string | null })[]): Promise<void>;
  createSelfInvite(invite: {
    code: string;
    memberId: number;
    by: number | null;
    now: string;
    expiresAt: string;
  }): Promise<void>;
  selfInvite(code: string): Promise<SelfInvite | undefined>;
  /** Marks the code used (if unused and unexpired at `now`) and links the account; the member's id or null. */
  redeemSelfInvite(
    code: string,
    account: { platform: string; externalId: string },
    now: string,
  ): Promise<number | null>;
  /** The member an account was linked to, unless erased. */
  ofAccount(platform: string, externalId: string): Promise<MemberRow | undefined>;
  /** The accounts linked to a member's record, oldest first. */
  accountsOf(memberId: number): Promise<MemberAccount[]>;
}

/** Login links and sessions of the web dashboard, kept only as hashes, and the attempts to open links. */
export interface WebSessionRepository {
  createLink(tokenHash: string, personId: number, now: string, expiresAt: string): Promise<void>;
  /** What opening a link would do, without using it. */
  peekLink(tokenHash: string, now: string): Promise<LinkUse>;
  /** Uses a link once: only the first of two requests racing with the same token gets its person. */
  useLink(tokenHash: string, now: string): Promise<LinkUse>;
  recordLinkAttempt(clientHash: string, at: string): Promise<void>;
  /** Attempts from one client strictly after `since`. */
  linkAttemptsSince(clientHash: string, since: string): Promise<number>;
  createSession(idHash: string, personId: number, now: string, expiresAt: string): Promise<void>;
  /** The person behind a live session, with their roles in the order they got them; undefined when it ended. */
  sessionPerson(idHash: string, now: string): Promise<SessionPerson | undefined>;
  /** Signs the person out everywhere: every session ends and every link not yet opened stops working. */
  endSessionsOf(personId: number, now: string): Promise<number>;
  /** Forgets links and sessions expired by `now`, and attempts made up to `attemptsBefore`. */
  prune(now: string, attemptsBefore: string): Promise<void>;
}

/** What the web dashboard reads besides standings. */
export interface DashboardRepository {
  /** Last report, first linked person and whether a chair is linked, for every unit of a subtree. */
  unitFacts(path: string): Promise<Map<number, UnitFacts>>;
  /** A unit's own ledger entries, newest first, with who reported each. */
  reportsOf(unitId: number, limit: number): Promise<ReportEntry[]>;
  /** The units that have done each of these tasks; every id asked for has a set, empty when none did. */
  tasksDone(taskIds: number[]): Promise<Map<number, Set<number>>>;
  /** Announcements of a subtree confirmed to at least one recipient, newest first. */
  broadcastsIn(path: string, limit: number): Promise<Broadcast[]>;
}

/** Every repository of one store, its transactions, and its life cycle. */
export interface Repositories {
  metrics: MetricRepository;
  figures: FigureRepository;
  units: UnitRepository;
  people: PeopleRepository;
  targets: TargetRepository;
  ledger: LedgerRepository;
  updates: UpdateRepository;
  pendingImports: PendingImportRepository;
  pendingReports: PendingReportRepository;
  plans: PlanRepository;
  reminders: ReminderRepository;
  outbox: OutboxRepository;
  chatChoices: ChatChoiceRepository;
  audit: AuditRepository;
  members: MemberRepository;
  webSessions: WebSessionRepository;
  dashboard: DashboardRepository;
  /**
   * Runs `fn` all or nothing and resolves to what it resolves to; a rejection undoes its writes and is
   * passed on. Repository calls made inside `fn` (awaited or not) belong to it; calls made elsewhere
   * meanwhile never land inside it. A transaction inside a transaction is a savepoint of the outer one.
   */
  transaction<T>(fn: () => Promise<T>): Promise<T>;
  /**
   * Runs the handling of one update (its claim and every write) as one unit: on PostgreSQL one transaction,
   * committed when fn calls `committed()` (before the reply is sent) or when fn ends, and rolled back whole
   * if fn throws first; on SQLite fn as it is, the group commit already making it one batch. A commit that
   * fails rejects `committed()` (and the unit) with BatchLost.
   */
  unitOfWork<T>(fn: () => Promise<T>): Promise<T>;
  /**
   * Like unitOfWork, for an update whose handling is short (a text message): on PostgreSQL, under load, it
   * may share its transaction with other updates' (db/pg/shared-work.ts). Rejects with RunAlone, once fn has
   * unwound, when that transaction did not commit: nothing of fn's was kept, and the caller runs fn again
   * through unitOfWork. On SQLite, fn as it is.
   */
  together<T>(fn: () => Promise<T>): Promise<T>;
  /**
   * Resolves once everything written so far is durable; rejects if a batch it joined was lost. Inside a
   * unit of work on PostgreSQL, commits it.
   */
  committed(): Promise<void>;
  /** True while the database is open and answers. */
  healthy(): Promise<boolean>;
  /** Commits what is pending and closes the database. */
  close(): Promise<void>;
}
