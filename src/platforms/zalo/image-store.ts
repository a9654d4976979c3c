// Charts and workbooks for Zalo, which takes a photo only as a URL it fetches and takes no files at all:
// the bytes are kept in memory for a while under an unguessable id and served at PUBLIC_URL/media/….
// Memory only: a restart forgets them, which costs a person one "xuất báo cáo" more, never data.
import { randomBytes } from "node:crypto";
import { Hono } from "hono";
import { foldDiacritics } from "#nlu/fold-diacritics.ts";

export interface ImageStore {
  /** Keeps a PNG and answers the absolute URL it is served at. */
  put(png: Uint8Array): string;
}

export interface MediaStore extends ImageStore {
  /** Keeps a file and answers the absolute URL it is downloaded from. */
  putFile(name: string, data: Uint8Array, mime: string): string;
  /** How long a URL keeps working. */
  readonly ttlMs: number;
  /**
   * Resolves once everything put so far can be served by every instance; rejects if it could not be stored.
   * Await it before handing a URL to the platform. A store in this process's memory has nothing to wait for.
   */
  settled?(): Promise<void>;
}

/** Whatever serves /media: the memory of this process, or a table every instance reads. */
export interface MediaSource {
  get(id: string): StoredMedia | undefined | Promise<StoredMedia | undefined>;
}

export interface StoredMedia {
  bytes: Uint8Array;
  mime: string;
  /** The file name for a download; undefined for a picture. */
  name: string | undefined;
  expiresAt: number;
}

export interface MemoryMediaStore extends MediaStore {
  /** The media under an id while it has not expired. */
  get(id: string): StoredMedia | undefined;
  readonly size: number;
}

export interface MediaStoreOptions {
  /** PUBLIC_URL: where Zalo's servers and people's phones reach this service. */
  publicUrl: string;
  ttlMs?: number;
  /** Oldest entries go first once either bound is reached. */
  maxEntries?: number;
  maxBytes?: number;
  clock?: () => number;
}

const ID = /^[0-9a-f]{32}$/;

export function createImageStore(options: MediaStoreOptions): MemoryMediaStore {
  const base = options.publicUrl.replace(/\/+$/, "");
  const ttlMs = options.ttlMs ?? 24 * 3_600_000;
  const maxEntries = options.maxEntries ?? 200;
  const maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
  const now = options.clock ?? Date.now;
  const entries = new Map<string, StoredMedia>();
  let bytes = 0;

  function drop(id: string): void {
    const entry = entries.get(id);
    if (!entry) return;
    bytes -= entry.bytes.byteLength;
    entries.delete(id);
  }

  function keep(data: Uint8Array, mime: string, name: string | undefined): string {
    const at = now();
    for (const [id, entry] of entries) if (entry.expiresAt <= at) drop(id);
    // Insertion order is age order, so the first key is always the oldest.
    while (entries.size > 0 && (entries.size >= maxEntries || bytes + data.byteLength > maxBytes)) {
      const oldest = entries.keys().next().value;
      if (oldest === undefined) break;
      drop(oldest);
    }
    const id = newMediaId();
    entries.set(id, { bytes: data.slice(), mime, name, expiresAt: at + ttlMs });
    bytes += data.byteLength;
    return id;
  }

  return {
    ttlMs,
    put(png) {
      return mediaUrl.picture(base, keep(png, "image/png", undefined));
    },
    putFile(name, data, mime) {
      const safe = safeName(name);
      return mediaUrl.file(base, keep(data, mime, safe), safe);
    },
    get(id) {
      if (!isMediaId(id)) return undefined;
      const entry = entries.get(id);
      if (!entry) return undefined;
      if (entry.expiresAt <= now()) {
        drop(id);
        return undefined;
      }
      return entry;
    },
    get size() {
      return entries.size;
    },
  };
}

/** 128 random bits: the URL is the only key, so it must not be guessable. */
export function newMediaId(): string {
  return randomBytes(16).toString("hex");
}

export function isMediaId(id: string): boolean {
  return ID.test(id);
}

/** The URL of a picture and of a file kept under `id`. */
export const mediaUrl = {
  picture: (base: string, id: string) => `${base}/media/${id}.png`,
  file: (base: string, id: string, safe: string) => `${base}/media/${id}/${encodeURIComponent(safe)}`,
};

/** Letters, digits, dot, dash and underscore: a name that needs no quoting in a URL or a header. */
export function safeName(name: string): string {
  const cleaned = foldDiacritics(name)
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/^[-.]+|-+$/g, "");
  return cleaned || "tep";
}

/** GET /media/<id>.png and GET /media/<id>/<name>; 404 for anything unknown, expired or mismatched. */
export function imageRoutes(store: MediaSource): Hono {
  const app = new Hono();
  const headers = (media: StoredMedia) => ({
    "content-type": media.mime,
    "cache-control": "private, no-store",
    "x-content-type-options": "nosniff",
    ...(media.name ? { "content-disposition": `attachment; filename="${media.name}"` } : {}),
  });
  app.get("/media/:file", async (c) => {
    const match = /^([0-9a-f]{32})\.png$/.exec(c.req.param("file"));
    const media = match?.[1] ? await store.get(match[1]) : undefined;
    if (!media || media.name !== undefined) return c.json({ ok: false, error: "not found" }, 404);
    return c.body(media.bytes as Uint8Array<ArrayBuffer>, 200, headers(media));
  });
  app.get("/media/:id/:name", async (c) => {
    const media = await store.get(c.req.param("id"));
    if (!media || media.name === undefined || media.name !== c.req.param("name"))
      return c.json({ ok: false, error: "not found" }, 404);
    return c.body(media.bytes as Uint8Array<ArrayBuffer>, 200, headers(media));
  });
  return app;
}
