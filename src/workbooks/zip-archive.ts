// Reads the files inside a zip (an .xlsx) with a budget on how much they may expand to. A small zip can
// hold gigabytes of repeated XML, so the sizes its directory declares are checked first, and, because the
// directory can lie, the bytes each file really inflates to are counted while inflating.
import { inflateRawSync } from "node:zlib";

export class ZipTooLarge extends Error {}
export class ZipUnreadable extends Error {}

interface Entry {
  method: number;
  compressedSize: number;
  declaredSize: number;
  localHeader: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

export interface ZipArchive {
  names(): string[];
  /** The file's bytes, or undefined when the zip has no such file; throws ZipTooLarge past the budget. */
  read(name: string): Uint8Array | undefined;
}

export function openZip(data: Uint8Array, budgetBytes: number): ZipArchive {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const entries = directory(data, view);
  let declared = 0;
  for (const entry of entries.values()) declared += entry.declaredSize;
  if (declared > budgetBytes) throw new ZipTooLarge();
  let remaining = budgetBytes;
  return {
    names: () => [...entries.keys()],
    read(name) {
      const entry = entries.get(name);
      if (!entry) return undefined;
      if (view.getUint32(entry.localHeader, true) !== LOCAL_HEADER) throw new ZipUnreadable();
      const start =
        entry.localHeader +
        30 +
        view.getUint16(entry.localHeader + 26, true) +
        view.getUint16(entry.localHeader + 28, true);
      const packed = data.subarray(start, start + entry.compressedSize);
      let bytes: Uint8Array;
      if (entry.method === STORED) bytes = packed;
      else if (entry.method === DEFLATED) bytes = inflateWithin(packed, remaining);
      else throw new ZipUnreadable();
      if (bytes.byteLength > remaining) throw new ZipTooLarge();
      remaining -= bytes.byteLength;
      return bytes;
    },
  };
}

function inflateWithin(packed: Uint8Array, limit: number): Uint8Array {
  try {
    // zlib stops as soon as the output would pass the limit, so a lying directory costs no more than the budget.
    return inflateRawSync(packed, { maxOutputLength: Math.max(limit, 1) });
  } catch (error) {
    if (error instanceof RangeError || (error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE")
      throw new ZipTooLarge();
    throw new ZipUnreadable();
  }
}

function directory(data: Uint8Array, view: DataView): Map<string, Entry> {
  // The end record sits in the last 22 bytes plus a comment of at most 65,535 bytes.
  let end = -1;
  for (let at = data.byteLength - 22; at >= Math.max(0, data.byteLength - 22 - 65_535); at--) {
    if (view.getUint32(at, true) === END_OF_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new ZipUnreadable();
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const entries = new Map<string, Entry>();
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (at + 46 > data.byteLength || view.getUint32(at, true) !== DIRECTORY_ENTRY) throw new ZipUnreadable();
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const entry: Entry = {
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      declaredSize: view.getUint32(at + 24, true),
      localHeader: view.getUint32(at + 42, true),
    };
    // Zip64 sizes (0xFFFFFFFF here) mean a file of 4 GB or more: far past any budget.
    if (entry.declaredSize === 0xffffffff || entry.compressedSize === 0xffffffff) throw new ZipTooLarge();
    if (entry.localHeader + 30 > data.byteLength) throw new ZipUnreadable();
    entries.set(decoder.decode(data.subarray(at + 46, at + 46 + nameLength)), entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
