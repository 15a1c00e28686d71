// Loads the app's function modules and its components' in one go: esbuild bundles them into a
// single ESM file per load (a fresh file each time, so hot reload sees edits), which Node
// imports once. Going through a TypeScript loader file by file costs seconds (each import
// resolves and transpiles on its own); one bundle costs a fraction of that.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
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
      const resolved = await pluginBuild.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: "resolving" });
      if (resolved.errors.length > 0) return { errors: resolved.errors };
      return { path: pathToFileURL(resolved.path).href, external: true };
    });
  },
};

/**
 * Bundles `files` (absolute paths) and imports the bundle: each file's exports, by path. A
 * syntax or resolution error in any of them rejects, naming the file.
 */
export async function loadBundle(files: string[]): Promise<Map<string, LoadedModule>> {
  files = [...new Set(files)];
  const names = files.map((_, index) => `m${index}`);
  const entry = files.map((file, index) => `export * as ${names[index]} from ${JSON.stringify(file)};`).join("\n");
  const result = await build({
    stdin: { contents: entry, resolveDir: dirname(files[0] ?? "."), loader: "js", sourcefile: "local-backend-modules.js" },
    bundle: true,
    write: false,
    format: "esm",
    platform: "node",
    target: "node22",
    // Function names and classes keep their names, as in the unbundled modules (errors, stack traces).
    keepNames: true,
    logLevel: "silent",
    conditions: ["import", "node"],
    plugins: [sharedPackages],
    // Bundled CommonJS packages may require() Node built-ins.
    banner: { js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);' },
  });
  const dir = mkdtempSync(join(tmpdir(), "local-backend-bundle-"));
  const file = join(dir, "modules.mjs");
  try {
    writeFileSync(file, result.outputFiles[0]!.contents, { mode: 0o600 });
    const bundle = (await import(pathToFileURL(file).href)) as Record<string, LoadedModule>;
    return new Map(files.map((path, index) => [path, bundle[names[index]!]!]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
