// Operators' logs: one structured line per event, ids only, never what people wrote.
import pino from "pino";

export type Logger = pino.Logger;

export function createLogger(level: string): Logger {
  return pino({ level, base: undefined, redact: ["text", "*.text", "name", "*.name"] });
}
