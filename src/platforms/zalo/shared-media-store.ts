// The media store of several instances on PostgreSQL: a chart drawn on one instance is fetched by Zalo, or
// a workbook by a phone, through whichever instance the load balancer picks, so the bytes live in a table.
// `put` answers the URL at once, as the renderer needs; `settled()` waits until the row is written.
import type { MediaRepository } from "#db/pg/media.ts";
import { isMediaId, mediaUrl, newMediaId, safeName, type MediaSource, type MediaStore } from "./image-store.ts";

export interface SharedMediaStoreOptions {
  publicUrl: string;
  media: MediaRepository;
  ttlMs?: number;
  clock?: () => number;
  /** Expired rows are deleted at most this often, by the instance that stores something. */
  pruneEveryMs?: number;
  onError?: (error: unknown) => void;
}

export interface SharedMediaStore extends MediaStore, MediaSource {
  settled(): Promise<void>;
}

export function createSharedMediaStore(options: SharedMediaStoreOptions): SharedMediaStore {
  const base = options.publicUrl.replace(/\/+$/, "");
  const ttlMs = options.ttlMs ?? 24 * 3_600_000;
  const pruneEveryMs = options.pruneEveryMs ?? 60_000;
  const now = options.clock ?? Date.now;
  const writes = new Set<Promise<void>>();
  let failure: unknown;
  let lastPrune = -Infinity;

  function keep(bytes: Uint8Array, mime: string, name: string | undefined): string {
    const id = newMediaId();
    const at = now();
    const write = options.media.put(id, { bytes: bytes.slice(), mime, name, expiresAt: at + ttlMs }).then(
      () => {
        writes.delete(write);
      },
      (error: unknown) => {
        writes.delete(write);
        failure ??= error;
      },
    );
    writes.add(write);
    if (at - lastPrune >= pruneEveryMs) {
      lastPrune = at;
      options.media.prune(at).catch((error: unknown) => options.onError?.(error));
    }
    return id;
  }

  return {
    ttlMs,
    put: (png) => mediaUrl.picture(base, keep(png, "image/png", undefined)),
    putFile(name, data, mime) {
      const safe = safeName(name);
      return mediaUrl.file(base, keep(data, mime, safe), safe);
    },
    async settled() {
      await Promise.all([...writes]);
      if (failure === undefined) return;
      const error = failure;
      failure = undefined;
      throw error instanceof Error ? error : new Error(String(error));
    },
    async get(id) {
      return isMediaId(id) ? options.media.get(id, now()) : undefined;
    },
  };
}
