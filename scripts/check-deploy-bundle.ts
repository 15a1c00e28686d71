// `npm run check:bundle`: bundles convex/ exactly as `npx convex deploy` does and fails on what a
// real deployment would refuse. The local backend runs every module in Node, so these mistakes
// work here and only fail on deploy:
//   - a default-runtime file (no "use node") that imports a Node built-in (node:crypto, fs, …):
//     Convex's own runtime is not Node, and the deploy's bundle for it does not build;
//   - a "use node" file that exports a query or mutation: only actions run in Node;
//   - "use node" in http.ts, crons.ts or schema.ts, and anything else the deploy bundler rejects.
//
// How: the convex CLI's own deploy with --debug-bundle-path, which bundles both runtimes (and the
// component definitions) and writes the result instead of pushing it. It is pointed at an
// unreachable self-hosted URL through --env-file, so it runs offline and never touches a real
// deployment or .env.local. Then every "use node" module of the bundle is loaded in Node and its
// exports inspected, as a deployment's analysis step does.
//
// Usage: node scripts/check-deploy-bundle.ts [projectDir]   (a directory holding convex/)
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(import.meta.dirname, "..");
const convexCli = join(root, "node_modules", "convex", "bin", "main.js");

export type BundleReport = {
  ok: boolean;
  problems: string[];
  /** Module paths per runtime, as the deploy would upload them (shared chunks left out). */
  modules: { isolate: string[]; node: string[] };
};

type FullConfig = { modules: { path: string; environment: "isolate" | "node" }[] };

/** Bundles `projectDir`/convex for both runtimes as a deploy does and lists what a deploy would refuse. */
export async function checkDeployBundle(projectDir: string): Promise<BundleReport> {
  const work = mkdtempSync(join(tmpdir(), "convex-deploy-bundle-"));
  try {
    const envFile = join(work, "deploy.env");
    // Port 9 (discard) on loopback: nothing is listening, and nothing is pushed anyway.
    writeFileSync(envFile, "CONVEX_SELF_HOSTED_URL=http://127.0.0.1:9\nCONVEX_SELF_HOSTED_ADMIN_KEY=bundle-check\n");
    const out = join(work, "bundle");
    const env = { ...process.env };
    for (const name of [
      "CONVEX_DEPLOYMENT",
      "CONVEX_DEPLOY_KEY",
      "CONVEX_SELF_HOSTED_URL",
      "CONVEX_SELF_HOSTED_ADMIN_KEY",
    ])
      delete env[name];
    const run = spawnSync(
      process.execPath,
      [
        convexCli,
        "deploy",
        "--debug-bundle-path",
        out,
        "--env-file",
        envFile,
        "--typecheck",
        "disable",
        "--codegen",
        "disable",
        "--yes",
      ],
      { cwd: projectDir, env, encoding: "utf8", timeout: 180_000 },
    );
    if (run.status !== 0) {
      const output = `${run.stdout ?? ""}${run.stderr ?? ""}`.trim();
      return {
        ok: false,
        problems: [`the deploy bundler refused the code:\n${output || String(run.error)}`],
        modules: { isolate: [], node: [] },
      };
    }
    const config = JSON.parse(readFileSync(join(out, "fullConfig.json"), "utf8")) as FullConfig;
    const appModules = config.modules.filter((m) => !m.path.startsWith("_deps/") && !m.path.endsWith(".map"));
    const modules = {
      isolate: appModules
        .filter((m) => m.environment === "isolate")
        .map((m) => m.path)
        .sort(),
      node: appModules
        .filter((m) => m.environment === "node")
        .map((m) => m.path)
        .sort(),
    };
    const problems = await nonActionExports(join(out, "node"), modules.node);
    return { ok: problems.length === 0, problems, modules };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Queries and mutations exported by "use node" modules: a deployment refuses them. */
async function nonActionExports(nodeDir: string, paths: string[]) {
  if (paths.length === 0) return [];
  writeFileSync(join(nodeDir, "package.json"), JSON.stringify({ type: "module" })); // the bundle is ESM
  const problems: string[] = [];
  for (const path of paths) {
    const exports = (await import(pathToFileURL(join(nodeDir, path)).href)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exports)) {
      const fn = value as { isQuery?: unknown; isMutation?: unknown } | null;
      const kind = fn?.isQuery === true ? "query" : fn?.isMutation === true ? "mutation" : null;
      if (kind !== null) {
        problems.push(
          `${path.replace(/\.js$/, "")}: this "use node" file exports the ${kind} "${name}"; only actions run in Node, so move it to a file without "use node"`,
        );
      }
    }
  }
  return problems;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const projectDir = resolve(process.argv[2] ?? root);
  const report = await checkDeployBundle(projectDir);
  if (!report.ok) {
    console.error("✖ a deploy would refuse this code:");
    for (const problem of report.problems) console.error(`  - ${problem}`);
    process.exit(1);
  }
  console.log(
    `✔ convex/ bundles for deploy: ${report.modules.isolate.length} modules for Convex's runtime, ${report.modules.node.length} for Node`,
  );
}
