// Only the app's pages (and clients without an Origin, such as Node's) may use the local
// backend; any other web page the developer visits, or a rebound DNS name, gets 403.
import { request } from "node:http";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import WebSocket from "ws";
import { startBackend, type RunningBackend } from "./backend.ts";
import { originCheck } from "./origins.ts";

let backend: RunningBackend;

beforeAll(async () => {
  backend = await startBackend({
    root: join(import.meta.dirname, "test-fixture"),
    stateDir: null,
    port: 0,
    sitePort: 0,
    log: () => {},
    allowedOrigins: ["https://dev.example.org"],
  });
});
afterAll(async () => {
  await backend?.close();
});

function get(base: string, path: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, base), { method: "GET", headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", reject);
    req.end();
  });
}

function openSocket(headers: Record<string, string>): Promise<"open" | number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${backend.url.replace("http", "ws")}/api/1.0/sync`, { headers });
    ws.on("open", () => {
      ws.close();
      resolve("open");
    });
    ws.on("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0));
    ws.on("error", reject);
  });
}

const port = (u: string) => new URL(u).port;

describe("origin and host checks", () => {
  test("HTTP API: no Origin (Node clients) and the app's origins are served; other pages get 403", async () => {
    expect(await get(backend.url, "/version", {})).toBe(200);
    expect(await get(backend.url, "/version", { origin: `http://localhost:${port(backend.url)}` })).toBe(200);
    expect(await get(backend.url, "/version", { origin: new URL(process.env.SITE_URL!).origin })).toBe(200);
    expect(await get(backend.url, "/version", { origin: "https://dev.example.org" })).toBe(200);
    expect(await get(backend.url, "/version", { origin: "https://evil.example" })).toBe(403);
    expect(await get(backend.url, "/version", { origin: "null" })).toBe(403);
    expect(await get(backend.url, "/version", { origin: "http://localhost:1" })).toBe(403);
  });

  test("a rebound DNS name (a foreign Host) gets 403 on the API and the site", async () => {
    expect(await get(backend.url, "/version", { host: `attacker.example:${port(backend.url)}` })).toBe(403);
    expect(await get(backend.siteUrl, "/anything", { host: `attacker.example:${port(backend.siteUrl)}` })).toBe(403);
    expect(await get(backend.url, "/version", { host: `localhost:${port(backend.url)}` })).toBe(200);
  });

  test("HTTP actions refuse other pages' origins", async () => {
    expect(await get(backend.siteUrl, "/anything", { origin: "https://evil.example" })).toBe(403);
    expect(await get(backend.siteUrl, "/anything", {})).not.toBe(403);
    // The site's own pages send no referrer, so their form posts say `Origin: null`.
    expect(await get(backend.siteUrl, "/anything", { origin: "null" })).not.toBe(403);
  });

  test("WebSocket sync: the app's origin connects, another page's is refused with 403", async () => {
    expect(await openSocket({})).toBe("open");
    expect(await openSocket({ origin: new URL(process.env.SITE_URL!).origin })).toBe("open");
    expect(await openSocket({ origin: "https://evil.example" })).toBe(403);
  });
});

describe("originCheck", () => {
  const allowed = originCheck({
    host: "127.0.0.1",
    ports: [3210, 3000],
    origins: ["https://app.example.org/some/path", "not a url"],
  });
  test("local hosts on our ports, configured origins; nothing else", () => {
    expect(allowed({ host: "127.0.0.1:3210", origin: "http://localhost:3000" })).toBe(true);
    expect(allowed({ host: "[::1]:3210", origin: "http://127.0.0.1:3210" })).toBe(true);
    expect(allowed({ host: "app.example.org", origin: "https://app.example.org" })).toBe(true);
    expect(allowed({ host: "127.0.0.1:3210", origin: "https://localhost:3000" })).toBe(false);
    expect(allowed({ host: "127.0.0.1:9999" })).toBe(false);
    expect(allowed({ host: "evil.example:3210" })).toBe(false);
  });
});
