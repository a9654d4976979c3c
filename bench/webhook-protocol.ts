// Messages between the benchmark's server process and its load process (stand-in Bot API + load generator).
import type { Summary } from "./percentiles.ts";

export interface Chair {
  telegramId: number;
  firstName: string;
  lastName: string;
}

/** Open loop: updates sent at scheduled times whatever the answers do. Closed loop: each connection sends its next update on the previous answer. */
export type PhasePlan =
  | { name: string; kind: "open"; rate: number; seconds: number }
  | { name: string; kind: "closed"; connections: number; seconds: number };

export interface LoadPlan {
  webhookUrl: string;
  /** Further instances behind the same bot: updates go round-robin over webhookUrl and these. */
  moreUrls?: string[];
  secret: string;
  chairs: Chair[];
  firstUpdateId: number;
  /** At most this many connections to the webhook at once; Telegram's own default is 40. */
  connections: number;
  phases: PhasePlan[];
  /** Unix seconds for the messages' `date`. */
  messageDate: number;
}

/** sendMessage calls the stand-in Bot API received: report confirmations, and anything else. */
export interface Replies {
  recorded: number;
  other: number;
  otherExamples: string[];
}

export interface PhaseResult {
  name: string;
  kind: PhasePlan["kind"];
  /** Offered updates per second (open loop). */
  rate: number | null;
  seconds: number;
  sent: number;
  answered200: number;
  failed: number;
  /** Why those failed: an HTTP status, or the error code of a request that got no answer ("ECONNRESET"). */
  failures: Record<string, number>;
  /** Updates with no answer when the phase's time ran out. */
  unanswered: number;
  /** From the scheduled send time (open loop) or the actual send (closed loop) to the full answer. */
  latency: Summary;
  /** Answers per second between the first and the last answer. */
  achievedPerSecond: number;
  /** How long after the last scheduled send the last answer came. */
  backlogMs: number;
  /** sendMessage calls the stand-in Bot API received during the phase. */
  replies: Replies;
  /** Event-loop utilisation of the load process, to show it was not the bottleneck. */
  loadProcessElu: number;
  /** Cores the load process kept busy. */
  loadProcessCpu: number;
}

export type FromLoad =
  | { type: "stand-in"; url: string }
  | { type: "phase-start"; name: string }
  | { type: "phase-end"; name: string }
  /** `replies` counts the whole run, including replies sent after the last phase ended. */
  | { type: "done"; phases: PhaseResult[]; replies: Replies }
  | { type: "file-added"; fileId: string }
  | { type: "error"; message: string };

export type ToLoad =
  | { type: "start"; plan: LoadPlan }
  /** A file the stand-in serves to getFile, as if a person had sent it; the bytes in base64. */
  | { type: "add-file"; fileId: string; base64: string }
  | { type: "stop" };
