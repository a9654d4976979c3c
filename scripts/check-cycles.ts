// `npm run check` fails on an import cycle in src, commands or db. TypeScript itself resolves each import,
// so the "#db/…" subpath aliases of package.json resolve exactly as they do when the code runs.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import ts from "typescript";

const ROOTS = ["src", "commands", "db"];
const root = process.cwd();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|mts)$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [path] : [];
  });
}

function compilerOptions(): ts.CompilerOptions {
  const config = ts.readConfigFile(join(root, "tsconfig.json"), ts.sys.readFile);
  return ts.parseJsonConfigFileContent(config.config, ts.sys, root).options;
}

/** Each file's imports that land in one of the roots, type-only imports included. */
function importGraph(files: string[], options: ts.CompilerOptions): Map<string, string[]> {
  const inScope = new Set(files);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
    const targets = importedFiles.flatMap(({ fileName }) => {
      const resolved = ts.resolveModuleName(fileName, file, options, ts.sys).resolvedModule?.resolvedFileName;
      return resolved && inScope.has(resolve(resolved)) ? [resolve(resolved)] : [];
    });
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** Cycles found by a depth-first walk, as the files along each: at least one wherever there is any. */
function findCycles(graph: Map<string, string[]>): string[][] {
  const cycles: string[][] = [];
  const done = new Set<string>();
  const path: string[] = [];
  const onPath = new Set<string>();
  const visit = (file: string) => {
    if (onPath.has(file)) {
      cycles.push([...path.slice(path.indexOf(file)), file]);
      return;
    }
    if (done.has(file)) return;
    path.push(file);
    onPath.add(file);
    for (const next of graph.get(file) ?? []) visit(next);
    path.pop();
    onPath.delete(file);
    done.add(file);
  };
  for (const file of graph.keys()) visit(file);
  return cycles;
}

const files = ROOTS.flatMap((dir) => sourceFiles(resolve(root, dir)));
const graph = importGraph(files, compilerOptions());
const nothingResolved = [...graph.values()].every((targets) => targets.length === 0);
if (nothingResolved) {
  console.error("check-cycles: no import resolved; is the tsconfig or package.json imports map broken?");
  process.exit(1);
}
const cycles = findCycles(graph);
for (const cycle of cycles) console.error(`import cycle: ${cycle.map((f) => relative(root, f)).join(" → ")}`);
if (cycles.length > 0) process.exit(1);
console.log(`check-cycles: ${files.length} files, no import cycle`);
