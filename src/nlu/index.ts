// The Vietnamese language layer: message text in, intent and entities out. Pure: no I/O, no clock.

export { parse, suggest } from "./parse.ts";
export { readMessage } from "./message.ts";
export { matchUnit, unitNameKey } from "./match-unit.ts";
export { normalize } from "./normalize.ts";
export { foldDiacritics, foldWords } from "./fold-diacritics.ts";
export { parseViNumber } from "./vi-number.ts";
export { parseViDate } from "./vi-date.ts";
export * from "./types.ts";
