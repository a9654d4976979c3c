// Cuts a long reply into messages a platform accepts, at line breaks where it can.
// Telegram (4,096) and Zalo (2,000) both limit a message's length; this has no platform in it.

/**
 * Splits `text` into parts of at most `limit` characters (UTF-16 units, as the platforms count).
 * Lines stay whole when they fit; a line longer than the limit is cut at its last space before the
 * limit, or hard at the limit when it has none, never inside a surrogate pair.
 */
export function splitText(text: string, limit: number): string[] {
  if (!(limit >= 2)) throw new RangeError(`limit must be at least 2, got ${limit}`);
  if (text.length <= limit) return text ? [text] : [];
  const parts: string[] = [];
  let current = "";
  for (const line of text.split("\n")) {
    const joined = current ? `${current}\n${line}` : line;
    if (joined.length <= limit) {
      current = joined;
      continue;
    }
    if (current) parts.push(current);
    let rest = line;
    while (rest.length > limit) {
      const cut = cutPoint(rest, limit);
      parts.push(rest.slice(0, cut).trimEnd());
      rest = rest.slice(cut).trimStart();
    }
    current = rest;
  }
  if (current) parts.push(current);
  return parts.filter((part) => part.trim() !== "");
}

function cutPoint(line: string, limit: number): number {
  const space = line.lastIndexOf(" ", limit);
  if (space > limit / 2) return space;
  // A high surrogate at the cut would leave half an emoji on each side.
  const code = line.charCodeAt(limit - 1);
  return code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit;
}
