// The shape of the codes the bot hands out, so that a code typed on its own is recognised.
// Capitals and digits without look-alikes (0/O, 1/I/L): codes are read aloud and typed on phones.

export const CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
/** Invite codes, from an officer of the LĐLĐ, "/start CODE". */
export const INVITE_CODE_LENGTH = 10;
/** "/lienket" codes, for a second app; shorter, since they live minutes, not weeks. */
export const LINK_CODE_LENGTH = 7;

const INVITE_SHAPE = new RegExp(`^[${CODE_ALPHABET}]{${INVITE_CODE_LENGTH}}$`, "i");
// One letter more or fewer is still read as a link code, so that a slip gets "wrong code", not a shrug.
const LINK_SHAPE = new RegExp(`^[${CODE_ALPHABET}]{${LINK_CODE_LENGTH - 1},${LINK_CODE_LENGTH + 1}}$`, "i");

/** A code as stored: "  abcdefghjk " → "ABCDEFGHJK". */
export function readCode(text: string): string {
  return text.trim().toUpperCase();
}

export function looksLikeInviteCode(text: string): boolean {
  return INVITE_SHAPE.test(text.trim());
}

export function looksLikeLinkCode(text: string): boolean {
  return LINK_SHAPE.test(text.trim());
}
