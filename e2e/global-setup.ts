// Starts a fresh local backend and the app on free ports for the browser tests.
import { fork, spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { freePort, waitForHttp } from "../scripts/net.ts";

const root = join(import.meta.dirname, "..");

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
  const [port, sitePort, appPort] = [await freePort(), await freePort(), await freePort()];
  const children: ChildProcess[] = [];

  const backend = fork(join(root, "local-backend", "main.ts"), ["--port", String(port), "--site-port", String(sitePort), "--state-dir", stateDir, "--no-watch"], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit", "ipc"],
    execPath: process.execPath,
  });
  children.push(backend);
  const ready = await new Promise<{ url: string; siteUrl: string; adminKey: string }>((resolve, reject) => {
    backend.once("message", (message) => resolve(message as never));
    backend.once("exit", (code) => reject(new Error(`local backend exited (${code})`)));
  });

  const app = spawn(join(root, "node_modules", ".bin", "vite"), ["dev", "--port", String(appPort), "--strictPort", "--host", "127.0.0.1"], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, VITE_CONVEX_URL: ready.url, VITE_CONVEX_SITE_URL: ready.siteUrl, SITE_URL: `http://127.0.0.1:${appPort}` },
  });
  children.push(app);
  const appUrl = `http://127.0.0.1:${appPort}`;
  await waitForHttp(appUrl, 120_000);
  // Warm the dev server so the first test doesn't pay for compiling every module.
  await fetch(`${appUrl}/sign-in`).catch(() => undefined);

  project.provide("appUrl", appUrl);
  project.provide("backendUrl", ready.url);
  project.provide("siteUrl", ready.siteUrl);
  project.provide("adminKey", ready.adminKey);

  return async () => {
    for (const child of children) child.kill("SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 300));
    rmSync(stateDir, { recursive: true, force: true });
  };
}
