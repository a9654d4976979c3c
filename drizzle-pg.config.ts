// drizzle-kit for the PostgreSQL store: `npm run db:generate:pg -- --name <what>` writes db/migrations-pg.
import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "postgresql",
  schema: "./db/pg/schema.ts",
  out: "./db/migrations-pg",
});
