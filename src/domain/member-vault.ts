// Sealing member data at rest: AES-256-GCM for the fields the law treats as personal or sensitive, and a
// keyed hash (HMAC-SHA-256) of the ID number so that duplicates are found without the number itself.
// Both keys are derived from MEMBER_DATA_KEY, so one secret is kept and the two uses never share a key.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from "node:crypto";

export const SEALED_FIELDS = ["id_number", "birth_date", "hometown", "ethnicity", "religion", "draft"] as const;
/** What a sealed value is: bound to it, so a value moved to another column does not open. */
export type SealedField = (typeof SEALED_FIELDS)[number];

/** The version of the sealed format, written before each value: "1.<base64 of iv, tag, ciphertext>". */
const FORMAT = "1";
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface MemberVault {
  seal(field: SealedField, plain: string): string;
  /** Throws when the value was sealed under another key or for another field. */
  open(field: SealedField, sealed: string): string;
  /** The ID number's keyed hash: equal numbers give equal hashes under one key. */
  idHash(idNumber: string): string;
  /** A value that tells keys apart without revealing them: stored once, compared at start. */
  readonly fingerprint: string;
}

function derive(master: Buffer, use: string): Buffer {
  return Buffer.from(hkdfSync("sha256", master, Buffer.alloc(0), `tro-ly-cong-doan member ${use}`, 32));
}

/** A vault over a 32-byte key given in base64 (MEMBER_DATA_KEY). */
export function memberVault(keyBase64: string): MemberVault {
  const master = Buffer.from(keyBase64, "base64");
  if (master.length !== 32) throw new Error("MEMBER_DATA_KEY must be 32 bytes");
  const sealKey = derive(master, "seal");
  const hashKey = derive(master, "hash");
  const hmac = (text: string) => createHmac("sha256", hashKey).update(text, "utf8").digest("hex");
  return {
    seal(field, plain) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv("aes-256-gcm", sealKey, iv);
      cipher.setAAD(Buffer.from(field));
      const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      return `${FORMAT}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64")}`;
    },
    open(field, sealed) {
      const [format, data = ""] = sealed.split(".");
      if (format !== FORMAT) throw new Error("unknown sealed format");
      const bytes = Buffer.from(data, "base64");
      const decipher = createDecipheriv("aes-256-gcm", sealKey, bytes.subarray(0, IV_BYTES));
      decipher.setAAD(Buffer.from(field));
      decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString("utf8");
    },
    idHash: (idNumber) => hmac(`id:${idNumber}`),
    fingerprint: hmac("fingerprint").slice(0, 16),
  };
}

/** Whether two fingerprints are the same key's, compared in constant time. */
export function sameKey(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

/** A fresh key, base64: the demo's own, or one for `members rotate-key`. */
export function newMemberKey(): string {
  return randomBytes(32).toString("base64");
}

/** "079195001234" → "079*****1234": what chat shows of an ID number outside the entry card. */
export function maskIdNumber(idNumber: string): string {
  return idNumber.length < 8 ? "*".repeat(idNumber.length) : `${idNumber.slice(0, 3)}*****${idNumber.slice(-4)}`;
}
