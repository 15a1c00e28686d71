// Which files make up the app's Convex functions and its components, and one preparation of
// the functions they register.
import { readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/**
 * Function-module files under a directory, by Convex's own bundler rules: .ts/.js files, no
 * dotfiles, and no names with more than one dot (tests, *.config.ts, test.setup.ts, *.d.ts).
 */
export function moduleFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) {
      if (entry !== "node_modules") files.push(...moduleFiles(path));
    } else if (/^[^.]+\.(ts|js)$/.test(entry)) {
      files.push(path);
    }
  }
  return files;
}

export function appModuleFiles(root: string): string[] {
  return moduleFiles(join(root, "convex"));
}

export type ComponentSpec = { path: string; files: string[]; schemaFile: string };

// The component tree installed by convex/convex.config.ts (resend uses a rate limiter and two
// workpools, each workpool a batch worker). Real deployments read this from the config; here
// it is spelled out once.
const COMPONENT_TREE: { path: string; pkg: string; parent?: string }[] = [
  { path: "resend", pkg: "@convex-dev/resend" },
  { path: "resend/rateLimiter", pkg: "@convex-dev/rate-limiter", parent: "@convex-dev/resend" },
  { path: "resend/emailWorkpool", pkg: "@convex-dev/workpool", parent: "@convex-dev/resend" },
  { path: "resend/callbackWorkpool", pkg: "@convex-dev/workpool", parent: "@convex-dev/resend" },
  { path: "resend/emailWorkpool/batchWorker", pkg: "@convex-dev/batch-worker", parent: "@convex-dev/workpool" },
  { path: "resend/callbackWorkpool/batchWorker", pkg: "@convex-dev/batch-worker", parent: "@convex-dev/workpool" },
  { path: "rateLimiter", pkg: "@convex-dev/rate-limiter" },
  { path: "engagementWorkpool", pkg: "@convex-dev/workpool" },
  { path: "engagementWorkpool/batchWorker", pkg: "@convex-dev/batch-worker", parent: "@convex-dev/workpool" },
];

export function componentSpecs(root: string): ComponentSpec[] {
  const requireFromRoot = createRequire(join(root, "package.json"));
  return COMPONENT_TREE.map(({ path, pkg, parent }) => {
    const from = parent ? createRequire(requireFromRoot.resolve(`${parent}/package.json`)) : requireFromRoot;
    const dir = join(dirname(from.resolve(`${pkg}/package.json`)), "src", "component");
    return { path, files: moduleFiles(dir), schemaFile: join(dir, "schema.ts") };
  });
}

/**
 * convex builds and serializes a function's argument and return validators on every call of
 * `exportArgs()`/`exportReturns()`, and convex-test asks for both on every function call. They
 * never change once defined, so each is serialized once, on first use (an error is not kept).
 */
export function serializeValidatorsOnce(fn: unknown) {
  const registered = fn as {
    exportArgs?: () => string;
    exportReturns?: () => string;
    validatorsSerializedOnce?: true;
  } | null;
  if (
    !registered ||
    (typeof registered !== "object" && typeof registered !== "function") ||
    registered.validatorsSerializedOnce
  )
    return;
  if (typeof registered.exportArgs !== "function" || typeof registered.exportReturns !== "function") return;
  const exportArgs = registered.exportArgs;
  const exportReturns = registered.exportReturns;
  let args: string | undefined;
  let returns: string | undefined;
  registered.exportArgs = () => (args ??= exportArgs());
  registered.exportReturns = () => (returns ??= exportReturns());
  registered.validatorsSerializedOnce = true;
}
