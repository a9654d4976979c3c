// Runs the operator CLI or the server as a child process, the way an operator would.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));
export const TSX = fileURLToPath(new URL("../node_modules/.bin/tsx", import.meta.url));

export function cli(args: string[], env: Record<string, string>, input?: string) {
  const result = spawnSync(TSX, ["src/cli.ts", ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", LOG_LEVEL: "silent", ...env },
    encoding: "utf8",
    ...(input !== undefined ? { input } : {}),
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
