// Charts and workbooks Zalo fetches by URL, kept in PostgreSQL so whichever instance the load balancer picks
// can serve them; each row expires, and expired rows are deleted now and then.
import { ensureOnce, rowsOf, type Queryable } from "./queryable.ts";

export interface MediaRow {
  bytes: Uint8Array;
  mime: string;
  name: string | undefined;
  expiresAt: number;
}

const LOCK = 7_310_022;

const DDL = `
create table if not exists media (
  id text primary key,
  mime text not null,
  -- The file name of a download; null for a picture.
  name text,
  bytes bytea not null,
  -- Epoch milliseconds.
  expires_at bigint not null
);
create index if not exists media_expires on media (expires_at);
`;

export function mediaRepository(db: Queryable) {
  return {
    /** Creates the table if this database has none yet. */
    ensure: () => ensureOnce(db, LOCK, DDL),

    async put(id: string, media: MediaRow): Promise<void> {
      await db.query(`insert into media (id, mime, name, bytes, expires_at) values ($1, $2, $3, $4, $5)`, [
        id,
        media.mime,
        media.name ?? null,
        Buffer.from(media.bytes.buffer, media.bytes.byteOffset, media.bytes.byteLength),
        Math.floor(media.expiresAt),
      ]);
    },

    /** The media under `id` unless it has expired by `now`. */
    async get(id: string, now: number): Promise<MediaRow | undefined> {
      const [row] = await rowsOf<{ bytes: Uint8Array; mime: string; name: string | null; expires_at: string }>(
        db,
        `select bytes, mime, name, expires_at from media where id = $1 and expires_at > $2`,
        [id, Math.floor(now)],
      );
      if (!row) return undefined;
      return {
        bytes: new Uint8Array(row.bytes),
        mime: row.mime,
        name: row.name ?? undefined,
        expiresAt: Number(row.expires_at),
      };
    },

    /** Deletes what expired by `now`; returns how many. */
    async prune(now: number): Promise<number> {
      const rows = await rowsOf<{ n: string }>(
        db,
        `with gone as (delete from media where expires_at <= $1 returning 1) select count(*) as n from gone`,
        [Math.floor(now)],
      );
      return Number(rows[0]?.n ?? 0);
    },
  };
}

export type MediaRepository = ReturnType<typeof mediaRepository>;
