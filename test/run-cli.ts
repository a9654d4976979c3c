// Runs the operator CLI in-process, or the CLI and the server as child processes the way an operator would.
import { spawnSync } from "node:child_process";
import { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { runCli } from "#src/cli.ts";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));
export const TSX = fileURLToPath(new URL("../node_modules/.bin/tsx", import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `npm run cli -- …` without a new process: what it prints, line by line, and its exit code. */
export async function cli(args: string[], env: Record<string, string>, input = ""): Promise<CliResult> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await runCli(args, {
    env: { LOG_LEVEL: "silent", ...env },
    io: { out: (line) => stdout.push(`${line}\n`), err: (line) => stderr.push(`${line}\n`) },
    stdin: Readable.from([input]),
  });
  return { code, stdout: stdout.join(""), stderr: stderr.join("") };
}

/** The CLI as its own process, through the script entry point: for the few tests of that entry point. */
export function spawnCli(args: string[], env: Record<string, string>, input?: string): CliResult {
  const result = spawnSync(TSX, ["src/cli.ts", ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", LOG_LEVEL: "silent", ...env },
    encoding: "utf8",
    ...(input !== undefined ? { input } : {}),
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
