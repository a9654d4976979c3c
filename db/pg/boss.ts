// pg-boss on the bot's own database: its queues, schedules and locks live in their own schema ("pgboss"),
// created and migrated by pg-boss itself under its advisory lock, so instances starting together agree.
import PgBoss from "pg-boss";

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
