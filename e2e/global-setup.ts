// Starts a fresh local backend, builds the app against it and serves the build the way
// `npm start` does (what users deploy), on free ports, for the browser tests.
import { fork, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { freePort, waitForHttp } from "../scripts/net.ts";

const root = join(import.meta.dirname, "..");
const bin = (name: string) => join(root, "node_modules", ".bin", name);

declare module "vitest" {
  export interface ProvidedContext {
    appUrl: string;
    backendUrl: string;
    siteUrl: string;
    adminKey: string;
  }
}

export default async function setup(project: TestProject) {
  const stateDir = mkdtempSync(join(tmpdir(), "astn-e2e-"));
  // The build sits inside the project: the server bundle imports its packages from node_modules.
  mkdirSync(join(root, ".local"), { recursive: true });
  const buildDir = mkdtempSync(join(root, ".local", "e2e-build-"));
  const [port, sitePort, appPort] = [await freePort(), await freePort(), await freePort()];
  const children: ChildProcess[] = [];
  const teardown = async () => {
    for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 300));
    rmSync(stateDir, { recursive: true, force: true });
    rmSync(buildDir, { recursive: true, force: true });
  };

  try {
    const backend = fork(
      join(root, "local-backend", "main.ts"),
      ["--port", String(port), "--site-port", String(sitePort), "--state-dir", stateDir, "--no-watch"],
      {
        cwd: root,
        stdio: ["ignore", "ignore", "inherit", "ipc"],
        execPath: process.execPath,
        env: { ...process.env, SITE_URL: `http://127.0.0.1:${appPort}` },
      },
    );
    children.push(backend);
    const ready = await new Promise<{ url: string; siteUrl: string; adminKey: string }>((resolve, reject) => {
      backend.once("message", (message) => resolve(message as never));
      backend.once("exit", (code) => reject(new Error(`local backend exited (${code})`)));
    });

    // The deployment's URLs are fixed at build time (VITE_*), so the build follows the backend.
    // NODE_ENV: vitest sets "test", which would make Vite compile JSX for React's dev runtime.
    const build = spawnSync(bin("vite"), ["build", "--outDir", buildDir, "--logLevel", "error"], {
      cwd: root,
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, NODE_ENV: "production", VITE_CONVEX_URL: ready.url, VITE_CONVEX_SITE_URL: ready.siteUrl },
    });
    if (build.status !== 0) throw new Error(`vite build failed (${build.status ?? build.signal})`);

    // `npm start`, pointed at this build and port.
    const app = spawn(
      bin("srvx"),
      [
        "serve",
        "--prod",
        "--entry",
        join(buildDir, "server", "server.js"),
        "--static",
        join(buildDir, "client"),
        "--port",
        String(appPort),
        "--host",
        "127.0.0.1",
      ],
      { cwd: root, stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, NODE_ENV: "production" } },
    );
    children.push(app);
    const appUrl = `http://127.0.0.1:${appPort}`;
    await waitForHttp(appUrl, 60_000);

    project.provide("appUrl", appUrl);
    project.provide("backendUrl", ready.url);
    project.provide("siteUrl", ready.siteUrl);
    project.provide("adminKey", ready.adminKey);
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}
