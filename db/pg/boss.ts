// What the scheduled and queued work of an instance holds on PostgreSQL: pg-boss on the bot's own database
// (its queues, schedules and locks in their own schema, "pgboss", created and migrated by pg-boss itself
// under its advisory lock, so instances starting together agree), and a small pool for the shared send
// pacer and the media table, whose tables are created here if missing.
import pg from "pg";
import PgBoss from "pg-boss";
import { mediaRepository, type MediaRepository } from "./media.ts";
import { sendSlots, type SendSlots } from "./send-slots.ts";

export interface BossOptions {
  url: string;
  /** Connections pg-boss keeps for itself. */
  max?: number;
  /** How often instances look at the cron schedules and move due ones into their queues; tests go faster. */
  cronSeconds?: number;
  onError?: (error: Error) => void;
}

/** Starts pg-boss: installs or migrates its schema when needed; the caller stops it (`stop({ graceful })`). */
export async function openBoss(options: BossOptions): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: options.url,
    schema: "pgboss",
    application_name: "tro-ly-cong-doan",
    max: options.max ?? 4,
    ...(options.cronSeconds ? { cronMonitorIntervalSeconds: options.cronSeconds } : {}),
    ...(options.cronSeconds ? { cronWorkerIntervalSeconds: options.cronSeconds } : {}),
  });
  // Without a listener an error event would end the process; a lost connection is retried by pg-boss.
  boss.on("error", options.onError ?? (() => {}));
  await boss.start();
  return boss;
}

export interface WorkConnections {
  boss: PgBoss;
  slots: SendSlots;
  media: MediaRepository;
  /** Stops pg-boss (after the caller has stopped its workers) and closes the pool. */
  close(): Promise<void>;
}

/** pg-boss started, the pacer's and the media's tables there: all an instance's work needs of PostgreSQL. */
export async function openWorkConnections(options: BossOptions): Promise<WorkConnections> {
  const pool = new pg.Pool({ connectionString: options.url, max: 4, application_name: "tro-ly-cong-doan" });
  pool.on("error", (error) => options.onError?.(error));
  const slots = sendSlots(pool);
  const media = mediaRepository(pool);
  await slots.ensure();
  await media.ensure();
  const boss = await openBoss(options);
  return {
    boss,
    slots,
    media,
    async close() {
      await boss.stop({ graceful: true, wait: true });
      await pool.end();
    },
  };
}
