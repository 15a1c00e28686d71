// The local backend, driven by the unmodified clients from the convex package.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ConvexClient, ConvexHttpClient } from "convex/browser";
import { makeFunctionReference } from "convex/server";
import { importPKCS8, SignJWT } from "jose";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import WebSocket from "ws";
import { startBackend, type RunningBackend } from "./backend.ts";

const fixtureRoot = join(import.meta.dirname, "test-fixture");
const list = makeFunctionReference<"query", Record<string, never>, string[]>("messages:list");
const whoAmI = makeFunctionReference<"query", Record<string, never>, string | null>("messages:whoAmI");
const send = makeFunctionReference<"mutation", { body: string }>("messages:send");
const sendLater = makeFunctionReference<"mutation", { body: string; delayMs: number }>("messages:sendLater");
// Internal on the server; typed as public here to show a client cannot call it.
const add = makeFunctionReference<"mutation", { body: string }>("messages:add");
const shout = makeFunctionReference<"action", { body: string }, number>("messages:shout");
const fail = makeFunctionReference<"mutation", Record<string, never>>("messages:fail");

let stateDir: string;
let backend: RunningBackend;
const clients: ConvexClient[] = [];

function client() {
  const c = new ConvexClient(backend.url, { skipConvexDeploymentUrlCheck: true, logger: false });
  clients.push(c);
  return c;
}

/** Resolves with the first subscription value that passes `accept`. */
function nextValue<T>(c: ConvexClient, query: typeof list | typeof whoAmI, accept: (value: T) => boolean): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("timed out waiting for an update")), 10_000);
    const unsubscribe = c.onUpdate(query, {}, (value) => {
      if (accept(value as T)) {
        clearTimeout(timer);
        setTimeout(() => unsubscribe(), 0);
        resolve(value as T);
      }
    });
  });
}

const withoutTicks = (values: string[]) => values.filter((body) => body !== "tick");

async function signToken(subject: string, issuer = backend.siteUrl) {
  const keys = JSON.parse(readFileSync(join(stateDir, "auth-keys.json"), "utf8")) as { JWT_PRIVATE_KEY: string };
  const key = await importPKCS8(keys.JWT_PRIVATE_KEY, "RS256");
  return await new SignJWT({})
    .setProtectedHeader({ alg: "RS256" })
    .setSubject(subject)
    .setIssuer(issuer)
    .setAudience("convex")
    .setIssuedAt()
    .setExpirationTime("1h")
    .sign(key);
}

beforeAll(async () => {
  stateDir = mkdtempSync(join(tmpdir(), "local-backend-"));
  backend = await startBackend({ root: fixtureRoot, stateDir, port: 0, sitePort: 0, log: () => {} });
});

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
});

afterAll(async () => {
  await backend.close();
  rmSync(stateDir, { recursive: true, force: true });
});

describe("sync protocol with ConvexClient", () => {
  test("a mutation from one client updates another client's subscription", async () => {
    const watcher = client();
    const writer = client();
    const seen = nextValue<string[]>(watcher, list, (v) => withoutTicks(v).includes("hello"));
    await writer.mutation(send, { body: "hello" });
    expect(withoutTicks(await seen)).toContain("hello");
  });

  test("a mutation resolves after the writer's own subscription reflects it", async () => {
    const c = client();
    await nextValue<string[]>(c, list, () => true);
    await c.mutation(send, { body: "consistent" });
    expect(withoutTicks(await c.query(list, {}))).toContain("consistent");
  });

  test("after a MutationResponse comes a Transition at or past its timestamp, promptly", async () => {
    // convex/browser resolves a mutation only on a transition that arrives after its response;
    // the commit's own refresh can go out before the response, so one must follow it.
    const raw = new WebSocket(`${backend.url.replace("http", "ws")}/api/1.0/sync`);
    const messages: { at: number; message: { type: string; ts?: string; endVersion?: { ts: string } } }[] = [];
    raw.on("message", (data) => messages.push({ at: Date.now(), message: JSON.parse(String(data)) as never }));
    await new Promise((resolve) => raw.on("open", resolve));
    const decodeTs = (ts: string) => Buffer.from(ts, "base64").readBigUInt64LE(0);
    const waitFor = async (accept: () => boolean) => {
      const deadline = Date.now() + 5_000;
      while (!accept()) {
        if (Date.now() > deadline) throw new Error("timed out");
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    };
    raw.send(JSON.stringify({ type: "Connect", sessionId: "ordering-test", connectionCount: 0 }));
    raw.send(
      JSON.stringify({
        type: "ModifyQuerySet",
        baseVersion: 0,
        newVersion: 1,
        modifications: [{ type: "Add", queryId: 0, udfPath: "messages:list", args: [{}] }],
      }),
    );
    await waitFor(() => messages.some((m) => m.message.type === "Transition"));
    raw.send(JSON.stringify({ type: "Mutation", requestId: 0, udfPath: "messages:send", args: [{ body: "ordered" }] }));
    await waitFor(() => messages.some((m) => m.message.type === "MutationResponse"));
    const index = messages.findIndex((m) => m.message.type === "MutationResponse");
    const response = messages[index]!;
    const responseTs = decodeTs(response.message.ts!);
    await waitFor(() =>
      messages
        .slice(index + 1)
        .some((m) => m.message.type === "Transition" && decodeTs(m.message.endVersion!.ts) >= responseTs),
    );
    const next = messages.slice(index + 1).find((m) => m.message.type === "Transition")!;
    // Well before the fixture's one-second cron tick could have supplied it.
    expect(next.at - response.at).toBeLessThan(300);
    raw.close();
  });

  test("actions run and their writes reach subscribers", async () => {
    const c = client();
    const seen = nextValue<string[]>(c, list, (v) => v.includes("LOUD"));
    expect(await c.action(shout, { body: "loud" })).toBe(4);
    await seen;
  });

  test("scheduled functions run at their time and update subscribers", async () => {
    const c = client();
    const started = Date.now();
    const seen = nextValue<string[]>(c, list, (v) => v.includes("later"));
    await c.mutation(sendLater, { body: "later", delayMs: 300 });
    await seen;
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
  });

  test("crons run on their schedule", async () => {
    const c = client();
    await nextValue<string[]>(c, list, (v) => v.includes("tick"));
  });

  test("internal functions cannot be called by clients", async () => {
    await expect(client().mutation(add, { body: "sneaky" })).rejects.toThrow(/Could not find public mutation/);
  });

  test("errors reach the caller and nothing is written", async () => {
    const c = client();
    const before = withoutTicks(await c.query(list, {})).length;
    await expect(c.mutation(fail, {})).rejects.toThrow(/boom/);
    expect(withoutTicks(await c.query(list, {})).length).toBe(before);
  });
});

describe("authentication", () => {
  test("a valid token gives functions the identity; a bad one is refused", async () => {
    const c = client();
    const token = await signToken("user123|session1");
    const changes: boolean[] = [];
    c.setAuth(
      async () => token,
      (authenticated) => changes.push(authenticated),
    );
    expect(await nextValue<string | null>(c, whoAmI, (v) => v !== null)).toBe("user123|session1");
    expect(changes).toContain(true);

    const other = client();
    const forged = await signToken("user123|session1", "https://evil.example");
    const otherChanges: boolean[] = [];
    other.setAuth(
      async () => forged,
      (authenticated) => otherChanges.push(authenticated),
    );
    await expect.poll(() => otherChanges.includes(false), { timeout: 10_000 }).toBe(true);
  });
});

describe("HTTP API with ConvexHttpClient", () => {
  test("queries, mutations and auth over HTTP", async () => {
    const http = new ConvexHttpClient(backend.url, { skipConvexDeploymentUrlCheck: true, logger: false });
    await http.mutation(send, { body: "via http" });
    expect(await http.query(list, {})).toContain("via http");
    http.setAuth(await signToken("u9|s9"));
    expect(await http.query(whoAmI, {})).toBe("u9|s9");
  });

  test("consistent queries (query_ts + query_at_ts), as server rendering uses them", async () => {
    const http = new ConvexHttpClient(backend.url, { skipConvexDeploymentUrlCheck: true, logger: false });
    await http.mutation(send, { body: "consistent read" });
    expect(await http.consistentQuery(list, {})).toContain("consistent read");
  });

  test("the admin key may run internal functions", async () => {
    const http = new ConvexHttpClient(backend.url, { skipConvexDeploymentUrlCheck: true, logger: false });
    (http as unknown as { setAdminAuth(key: string): void }).setAdminAuth(backend.adminKey);
    await http.mutation(add, { body: "admin wrote" });
    expect(await http.query(list, {})).toContain("admin wrote");
  });

  test("HTTP actions are served on the site URL", async () => {
    const response = await fetch(`${backend.siteUrl}/echo`, { method: "POST", body: "ping" });
    expect(await response.text()).toBe("echo:ping");
    expect((await fetch(`${backend.siteUrl}/missing`)).status).toBe(404);
  });
});

describe("robustness", () => {
  test("malformed messages close only the offending connection", async () => {
    const raw = new WebSocket(`${backend.url.replace("http", "ws")}/api/1.0/sync`);
    const closed = new Promise<string>((resolve) => {
      const messages: string[] = [];
      raw.on("message", (data) => messages.push(String(data)));
      raw.on("close", () => resolve(messages.join("\n")));
    });
    await new Promise((resolve) => raw.on("open", resolve));
    raw.send("this is not json");
    expect(await closed).toContain("FatalError");

    const raw2 = new WebSocket(`${backend.url.replace("http", "ws")}/api/1.0/sync`);
    await new Promise((resolve) => raw2.on("open", resolve));
    raw2.send(
      JSON.stringify({
        type: "ModifyQuerySet",
        baseVersion: 0,
        newVersion: 1,
        modifications: [{ type: "Add", queryId: 0, udfPath: "messages:list", args: "nope" }],
      }),
    );
    await new Promise((resolve) => raw2.on("close", resolve));

    // Everyone else carries on.
    const c = client();
    await c.mutation(send, { body: "still alive" });
    expect(await c.query(list, {})).toContain("still alive");
  });

  test("bad HTTP bodies get a 400, not a crash", async () => {
    const response = await fetch(`${backend.url}/api/query`, { method: "POST", body: "{" });
    expect(response.status).toBe(400);
  });
});

describe("persistence", () => {
  test("data and pending scheduled functions survive a restart", async () => {
    const c = client();
    await c.mutation(send, { body: "durable" });
    await c.mutation(sendLater, { body: "after restart", delayMs: 1_500 });
    await c.close();
    clients.length = 0;
    await backend.close();

    backend = await startBackend({ root: fixtureRoot, stateDir, port: 0, sitePort: 0, log: () => {} });
    const again = client();
    expect(await again.query(list, {})).toContain("durable");
    await nextValue<string[]>(again, list, (v) => v.includes("after restart"));
  });
});
