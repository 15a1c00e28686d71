// Loads the app's function modules and its components' in one go: esbuild bundles them into a
// single ESM file, which Node imports once (as a new module on each load, so hot reload sees
// edits). Going through a TypeScript loader file by file costs seconds (each import
// resolves and transpiles on its own); one bundle costs a fraction of that.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { build, type Plugin } from "esbuild";

export type LoadedModule = Record<string, unknown>;

// Shared with the engine itself (convex-test and the backend import them): the bundle imports
// the very files Node resolves, so there is one copy of each. Every other package is bundled:
// Node's own loading of a package such as date-fns re-reads its large package.json for each
// of its hundreds of files, which alone costs seconds.
const SHARED = /^(convex|convex-test)(\/|$)/;

const sharedPackages: Plugin = {
  name: "shared-packages",
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: SHARED }, async (args) => {
      if (args.pluginData === "resolving") return undefined;
      const resolved = await pluginBuild.resolve(args.path, {
        kind: args.kind,
        resolveDir: args.resolveDir,
        importer: args.importer,
        pluginData: "resolving",
      });
      if (resolved.errors.length > 0) return { errors: resolved.errors };
      return { path: pathToFileURL(resolved.path).href, external: true };
    });
  },
};

/** Bumped when the build options change, so older cached bundles are not reused. */
const FORMAT = 1;
let generation = 0;
const ENTRY = "local-backend-modules.js";

/**
 * Bundles `files` (absolute paths) and imports the bundle: each file's exports, by path. A
 * syntax or resolution error in any of them rejects, naming the file. The bundle is kept in
 * `cacheDir` with the size and modification time of every file it was built from; the next
 * load whose files are all unchanged imports it without building.
 */
export async function loadBundle(files: string[], cacheDir: string): Promise<Map<string, LoadedModule>> {
  files = [...new Set(files)].sort();
  const names = files.map((_, index) => `m${index}`);
  const key = createHash("sha256")
    .update(JSON.stringify([FORMAT, files]))
    .digest("hex")
    .slice(0, 16);
  const file = join(cacheDir, `modules-${key}.mjs`);
  if (!isFresh(file)) await buildBundle(files, names, file);
  generation += 1;
  const bundle = (await import(`${pathToFileURL(file).href}?load=${generation}`)) as Record<string, LoadedModule>;
  return new Map(files.map((path, index) => [path, bundle[names[index]!]!]));
}

/** The bundle's first line lists its inputs as [path, size, mtimeMs]; fresh if none changed. */
function isFresh(file: string): boolean {
  let firstLine: string;
  try {
    const text = readFileSync(file, "utf8");
    firstLine = text.slice(0, text.indexOf("\n"));
  } catch {
    return false;
  }
  try {
    const inputs = JSON.parse(firstLine.slice("// inputs ".length)) as [string, number, number][];
    return inputs.every(([path, size, mtimeMs]) => {
      const stat = statSync(path, { throwIfNoEntry: false });
      return stat !== undefined && stat.size === size && stat.mtimeMs === mtimeMs;
    });
  } catch {
    return false;
  }
}

async function buildBundle(files: string[], names: string[], file: string) {
  const entry = files.map((path, index) => `export * as ${names[index]} from ${JSON.stringify(path)};`).join("\n");
  const result = await build({
    stdin: { contents: entry, resolveDir: dirname(files[0] ?? "."), loader: "js", sourcefile: ENTRY },
    absWorkingDir: dirname(files[0] ?? "."),
    bundle: true,
    write: false,
    metafile: true,
    format: "esm",
    platform: "node",
    target: "node22",
    // Function names and classes keep their names, as in the unbundled modules (errors, stack traces).
    keepNames: true,
    logLevel: "silent",
    conditions: ["import", "node"],
    plugins: [sharedPackages],
    // Bundled CommonJS packages may require() Node built-ins.
    banner: {
      js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);',
    },
  });
  const cwd = dirname(files[0] ?? ".");
  const inputs = Object.keys(result.metafile.inputs)
    // Files only: not the generated entry, nor esbuild's namespaced inputs ("(disabled):…").
    .filter((input) => input !== ENTRY && !/^[a-z()-]+:/.test(input))
    .map((input) => {
      const path = resolve(cwd, input);
      const stat = statSync(path);
      return [path, stat.size, stat.mtimeMs];
    });
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  // Written whole, then renamed: a process loading at the same time sees the old file or the new one.
  const partial = `${file}.${process.pid}.partial`;
  writeFileSync(partial, `// inputs ${JSON.stringify(inputs)}\n${result.outputFiles[0]!.text}`, { mode: 0o600 });
  renameSync(partial, file);
}
