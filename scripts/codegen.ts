// Regenerates convex/_generated offline. `convex codegen --system-udfs` works without a
// deployment but leaves out components, so we add them the way deployment-backed codegen does.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const root = join(import.meta.dirname, "..");
const generated = join(root, "convex", "_generated");

/** The app's components, as installed in convex/convex.config.ts: name → package. */
const COMPONENTS: Record<string, string> = {
  resend: "@convex-dev/resend",
  rateLimiter: "@convex-dev/rate-limiter",
  engagementWorkpool: "@convex-dev/workpool",
};

execFileSync(
  process.execPath,
  [join(root, "node_modules", "convex", "bin", "main.js"), "codegen", "--system-udfs", "--typecheck", "disable"],
  { cwd: root, stdio: "inherit" },
);

const apiDts = join(generated, "api.d.ts");
const componentTypes = Object.entries(COMPONENTS)
  .map(([name, pkg]) => `  ${name}: import("${pkg}/_generated/component.js").ComponentApi<"${name}">;`)
  .join("\n");
let dts = readFileSync(apiDts, "utf8");
if (!dts.includes("export declare const components")) {
  dts += `\nexport declare const components: {\n${componentTypes}\n};\n`;
}
writeFileSync(apiDts, dts);

const apiJs = join(generated, "api.js");
let js = readFileSync(apiJs, "utf8");
if (!js.includes("componentsGeneric")) {
  js = js.replace(
    'import { anyApi } from "convex/server";',
    'import { anyApi, componentsGeneric } from "convex/server";',
  );
  js += "export const components = componentsGeneric();\n";
}
writeFileSync(apiJs, js);
console.log("convex/_generated written (components: %s)", Object.keys(COMPONENTS).join(", "));
