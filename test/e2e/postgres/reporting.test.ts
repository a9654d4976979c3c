// The reporting specification again, on PostgreSQL: the same messages must get the same replies.
import { describe } from "vitest";
import { worldEngine, worldsOn } from "#test/world.ts";

worldsOn("postgres");

describe(`on PostgreSQL (${await worldEngine()})`, async () => {
  // A query of its own: the specification runs afresh even where this worker ran it on SQLite already.
  const specification: string = "../reporting.test.ts?postgres";
  await import(specification);
});
