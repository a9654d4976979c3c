// `npm run cli -- migrate-to-postgres <file.sqlite> <postgres://…>`: a SQLite deployment's data moved into
// an empty PostgreSQL database, all or nothing, with what was copied listed table by table.
import { CopyRefused, copyFromSqlite } from "#db/pg/copy-from-sqlite.ts";

export async function runMigrateToPostgres(
  args: string[],
  io: { out: (line: string) => void; err: (line: string) => void },
): Promise<number> {
  const [path, url] = args;
  if (!path || !url || !/^postgres(ql)?:\/\//.test(url)) {
    io.err("usage: npm run cli -- migrate-to-postgres <file.sqlite> <postgres://user@host:5432/database>");
    return 2;
  }
  try {
    const report = await copyFromSqlite(path, url);
    for (const { name, rows } of report.tables) io.out(`${name}: ${rows}`);
    const total = report.tables.reduce((sum, t) => sum + t.rows, 0);
    io.out(`copied ${total} rows; counts match on both sides. Start the bot with DATABASE_URL=<that url>.`);
    return 0;
  } catch (error) {
    if (error instanceof CopyRefused) {
      io.err(`refused: ${error.message}. Give an empty database (createdb <name>), or drop this one first.`);
      return 1;
    }
    throw error;
  }
}
