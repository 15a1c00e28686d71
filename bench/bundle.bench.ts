// The event page's initial JavaScript, gzipped: what a visitor's browser downloads before the
// page is interactive. Builds the app (into a temporary directory, so dist/ is left alone) against
// a fresh local backend with one real event, serves the build as `npm start` does, fetches the
// event page's HTML and sums the JavaScript it references (<script src>, <link rel=modulepreload>)
// plus every module those import statically (lazy chunks, loaded later, are not counted).
// Prints one JSON line. A figure, not a test: target under 150 KB.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { ConvexHttpClient } from "convex/browser";
import { api } from "../convex/_generated/api.js";
import { startBackend } from "../local-backend/backend.ts";
import { freePort, waitForHttp } from "../scripts/net.ts";

const root = join(import.meta.dirname, "..");
const TARGET_BYTES = 150 * 1024;

// The build must sit inside the project: the server bundle imports its packages from node_modules.
mkdirSync(join(root, ".local"), { recursive: true });
const work = mkdtempSync(join(root, ".local", "bench-bundle-"));
// Function logs (the auth library's) would mix with the JSON line this prints.
const print = console.log.bind(console);
console.log = console.info = console.debug = () => {};
const children: ChildProcess[] = [];
const backend = await startBackend({ root, stateDir: join(work, "backend"), port: 0, sitePort: 0, log: () => {} });
try {
  // One published event with a description, as an admin creates it.
  const client = new ConvexHttpClient(backend.url, { skipConvexDeploymentUrlCheck: true, logger: false });
  const signedIn = (await client.action(api.auth.signIn, {
    provider: "password",
    params: { email: "bench-admin@example.com", password: "bench-password-1", name: "Bench Admin", flow: "signUp" },
  })) as { tokens?: { token: string } | null };
  client.setAuth(signedIn.tokens!.token);
  const { orgId } = await client.mutation(api.orgs.mutations.createOrg, {
    name: "Bench Org",
    slug: "bench-org",
    visibility: "public",
  });
  const year = new Date().getUTCFullYear() + 1;
  const { eventId } = await client.mutation(api.events.mutations.createEvent, {
    orgId,
    title: "Interpretability reading group",
    description: "We read **one paper** a week.\n\n- Bring questions\n- [The paper](https://example.org/paper)",
    eventType: "reading_group",
    startLocal: `${year}-05-14T18:30`,
    endLocal: `${year}-05-14T20:00`,
    timezone: "Europe/London",
    venue: "Room 2",
    capacity: 30,
  });
  await client.mutation(api.events.mutations.publishEvent, { eventId });

  // A production build that talks to this backend (VITE_* values are fixed at build time).
  const outDir = join(work, "dist");
  const build = spawnSync(
    join(root, "node_modules", ".bin", "vite"),
    ["build", "--outDir", outDir, "--logLevel", "error"],
    {
      cwd: root,
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, VITE_CONVEX_URL: backend.url, VITE_CONVEX_SITE_URL: backend.siteUrl },
    },
  );
  if (build.status !== 0) throw new Error(`vite build failed (${build.status})`);

  // Served the way `npm start` serves dist/.
  const port = await freePort();
  const app = spawn(
    join(root, "node_modules", ".bin", "srvx"),
    [
      "serve",
      "--prod",
      "--entry",
      join(outDir, "server", "server.js"),
      "--static",
      join(outDir, "client"),
      "--port",
      String(port),
      "--host",
      "127.0.0.1",
    ],
    { cwd: root, stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, NODE_ENV: "production" } },
  );
  children.push(app);
  const appUrl = `http://127.0.0.1:${port}`;
  await waitForHttp(appUrl, 60_000);

  /** The page's initial JavaScript: files referenced by its HTML and their static imports. */
  async function initialJs(pageUrl: string) {
    const html = await (await fetch(pageUrl)).text();
    const referenced = new Set<string>();
    for (const match of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) referenced.add(match[1]!);
    for (const match of html.matchAll(/<link\b[^>]*>/g)) {
      const tag = match[0];
      if (/\brel="modulepreload"/.test(tag)) {
        const href = /\bhref="([^"]+)"/.exec(tag)?.[1];
        if (href) referenced.add(href);
      }
    }
    const inlineScripts = [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)]
      .map((m) => m[1]!)
      .join("\n");
    // Follow static imports (import … from "./x.js" / import "./x.js"); dynamic import() is lazy.
    const files = new Map<string, Buffer>();
    const queue = [...referenced].map((src) => new URL(src, pageUrl).href);
    while (queue.length > 0) {
      const url = queue.shift()!;
      if (files.has(url)) continue;
      const response = await fetch(url);
      if (!response.ok) throw new Error(`${url}: ${response.status}`);
      const body = Buffer.from(await response.arrayBuffer());
      files.set(url, body);
      const text = body.toString("utf8");
      for (const m of text.matchAll(
        /(?:^|[;}\n])\s*(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+\.js)["']/g,
      )) {
        queue.push(new URL(m[1]!, url).href);
      }
    }
    let gzipBytes = 0;
    let rawBytes = 0;
    const sizes: { file: string; gzipBytes: number }[] = [];
    for (const [url, body] of files) {
      const size = gzipSync(body).length;
      gzipBytes += size;
      rawBytes += body.length;
      sizes.push({ file: new URL(url).pathname.split("/").pop()!, gzipBytes: size });
    }
    sizes.sort((a, b) => b.gzipBytes - a.gzipBytes);
    return {
      html,
      files,
      referenced,
      gzipBytes,
      rawBytes,
      sizes,
      inlineGzipBytes: gzipSync(Buffer.from(inlineScripts)).length,
    };
  }

  const event = await initialJs(`${appUrl}/events/${eventId}`);
  if (!event.html.includes("Interpretability reading group"))
    throw new Error("the event page did not render the event");
  // For comparison: the landing page carries only the app shell (React, router, Convex client).
  const shell = await initialJs(`${appUrl}/`);
  const shellFiles = new Set([...shell.files.keys()]);
  const eventOnly = [...event.files.entries()]
    .filter(([url]) => !shellFiles.has(url))
    .reduce((sum, [, body]) => sum + gzipSync(body).length, 0);

  print(
    JSON.stringify({
      bench: "bundle",
      page: "event",
      gzipBytes: event.gzipBytes,
      gzipKB: Number((event.gzipBytes / 1024).toFixed(1)),
      targetKB: TARGET_BYTES / 1024,
      underTarget: event.gzipBytes < TARGET_BYTES,
      files: event.files.size,
      referencedInHtml: event.referenced.size,
      rawBytes: event.rawBytes,
      inlineScriptGzipBytes: event.inlineGzipBytes,
      appShellGzipBytes: shell.gzipBytes,
      eventPageOnlyGzipBytes: eventOnly,
      largest: event.sizes.slice(0, process.env.BENCH_BUNDLE_ALL ? event.sizes.length : 5),
    }),
  );
  if (process.env.BENCH_BUNDLE_KEEP) print(`kept ${outDir}`);
} finally {
  if (process.env.BENCH_BUNDLE_KEEP) await new Promise((resolve) => setTimeout(resolve, 0));
  for (const child of children) child.kill("SIGTERM");
  await backend.close();
  if (!process.env.BENCH_BUNDLE_KEEP) rmSync(work, { recursive: true, force: true });
}
process.exit(0);
