// `npm run check` fails on a function longer than 80 lines in src, commands or db (migrations aside):
// a function that needs a scroll bar is two functions. Tests and benchmarks are not held to it.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import ts from "typescript";

const ROOTS = ["src", "commands", "db"];
const SKIPPED = [join("db", "migrations")];
const MAX_LINES = 80;
const root = process.cwd();

function sourceFiles(dir: string): string[] {
  if (SKIPPED.some((skipped) => resolve(root, skipped) === dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|mts)$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [path] : [];
  });
}

/** What a reader would call the function: its own name, or the variable or property it is assigned to. */
function nameOf(node: ts.FunctionLikeDeclaration, source: ts.SourceFile): string {
  if (node.name) return node.name.getText(source);
  const parent = node.parent;
  if ((ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent)) && parent.name) {
    return parent.name.getText(source);
  }
  if (ts.isExportAssignment(parent)) return "default export";
  return "(anonymous)";
}

interface LongFunction {
  file: string;
  line: number;
  name: string;
  lines: number;
}

function longFunctions(file: string): LongFunction[] {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const found: LongFunction[] = [];
  const visit = (node: ts.Node) => {
    const isFunction =
      ts.isFunctionDeclaration(node) ||
      ts.isFunctionExpression(node) ||
      ts.isArrowFunction(node) ||
      ts.isMethodDeclaration(node) ||
      ts.isConstructorDeclaration(node) ||
      ts.isGetAccessorDeclaration(node) ||
      ts.isSetAccessorDeclaration(node);
    if (isFunction && node.body) {
      const first = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const last = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const lines = last - first + 1;
      if (lines > MAX_LINES) found.push({ file, line: first + 1, name: nameOf(node, source), lines });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const files = ROOTS.flatMap((dir) => sourceFiles(resolve(root, dir)));
if (files.length === 0) {
  console.error("check-function-length: no source file found; run it from the project's root");
  process.exit(1);
}
const found = files.flatMap(longFunctions);
for (const { file, line, name, lines } of found) {
  console.error(`${relative(root, file)}:${line} ${name} is ${lines} lines (at most ${MAX_LINES})`);
}
if (found.length > 0) process.exit(1);
console.log(`check-function-length: ${files.length} files, no function over ${MAX_LINES} lines`);
