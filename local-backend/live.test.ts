// Live queries re-run only when a commit wrote inside what they read; limits per connection and
// per process answer the offender alone; a flooding client does not hold up the others.
// Assertions count evaluations and message order, which do not depend on machine speed.
import { ConvexClient } from "convex/browser";
import { makeFunctionReference } from "convex/server";
import { afterAll, afterEach, beforeAll, expect, test } from "vitest";
import WebSocket from "ws";
import { MAX_MESSAGE_BYTES, startBackend, type RunningBackend } from "./backend.ts";
import { MAX_SUBSCRIPTIONS_PER_CONNECTION } from "./sync.ts";
import { join } from "node:path";

const byTopic = makeFunctionReference<"query", { topic: string }, string[]>("notes:byTopic");
const add = makeFunctionReference<"mutation", { topic: string; text: string }>("notes:add");

let backend: RunningBackend;
const clients: ConvexClient[] = [];
const sockets: WebSocket[] = [];
const MAX_CONNECTIONS = 40;

beforeAll(async () => {
  backend = await startBackend({
    root: join(import.meta.dirname, "test-fixture"),
    stateDir: null,
    port: 0,
    sitePort: 0,
    log: () => {},
    maxConnections: MAX_CONNECTIONS,
  });
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  for (const socket of sockets.splice(0)) if (socket.readyState !== WebSocket.CONNECTING) socket.terminate();
});
afterAll(async () => await backend.close());

function client() {
  const c = new ConvexClient(backend.url, { skipConvexDeploymentUrlCheck: true, logger: false });
  clients.push(c);
  return c;
}

function waitFor(c: ConvexClient, topic: string, accept: (value: string[]) => boolean): Promise<string[]> {
  return new Promise((resolve) => {
    const unsubscribe = c.onUpdate(byTopic, { topic }, (value) => {
      if (accept(value)) {
        setTimeout(() => unsubscribe(), 0);
        resolve(value);
      }
    });
  });
}

type Message = { type: string; error?: string; modifications?: unknown[] };
async function rawSocket() {
  const socket = new WebSocket(`${backend.url.replace("http", "ws")}/api/1.0/sync`);
  sockets.push(socket);
  const messages: Message[] = [];
  socket.on("message", (data) => messages.push(JSON.parse(String(data)) as Message));
  const closed = new Promise<number>((resolve) => socket.on("close", (code) => resolve(code)));
  await new Promise((resolve, reject) => {
    socket.on("open", resolve);
    socket.on("error", reject);
  });
  socket.send(JSON.stringify({ type: "Connect", sessionId: `s${Math.random()}`, connectionCount: 0 }));
  return { socket, messages, closed };
}

function subscribeMany(socket: WebSocket, count: number, udfPath: string, args: (i: number) => object) {
  const modifications = Array.from({ length: count }, (_, i) => ({
    type: "Add",
    queryId: i,
    udfPath,
    args: [args(i)],
  }));
  socket.send(JSON.stringify({ type: "ModifyQuerySet", baseVersion: 0, newVersion: 1, modifications }));
}

test("a commit re-runs only the queries whose index range it wrote into, once for all their subscribers", async () => {
  const [a, b, c] = [client(), client(), client()];
  await Promise.all([waitFor(a, "red", () => true), waitFor(b, "blue", () => true), waitFor(c, "blue", () => true)]);
  const before = backend.stats().evaluations;
  const seenByB = waitFor(b, "blue", (v) => v.includes("sky"));
  const seenByC = waitFor(c, "blue", (v) => v.includes("sky"));
  await a.mutation(add, { topic: "blue", text: "sky" });
  await Promise.all([seenByB, seenByC]);
  // One evaluation of notes:byTopic({topic: "blue"}) for both subscribers; "red" was not touched.
  expect(backend.stats().evaluations - before).toBe(1);
});

test("too many queries on one connection: a FatalError for that connection, others carry on", async () => {
  const { socket, messages, closed } = await rawSocket();
  subscribeMany(socket, MAX_SUBSCRIPTIONS_PER_CONNECTION + 1, "notes:byTopic", (i) => ({ topic: `t${i}` }));
  await closed;
  expect(messages.find((m) => m.type === "FatalError")?.error).toMatch(/Too many queries/);
  const other = client();
  await other.mutation(add, { topic: "ok", text: "still served" });
  expect(await other.query(byTopic, { topic: "ok" })).toContain("still served");
});

test("a message over the size limit closes that connection only", async () => {
  const { socket, closed } = await rawSocket();
  socket.send(
    JSON.stringify({
      type: "Mutation",
      requestId: 0,
      udfPath: "notes:add",
      args: [{ topic: "x", text: "x".repeat(MAX_MESSAGE_BYTES) }],
    }),
  );
  expect(await closed).toBe(1009);
  const other = client();
  expect(await other.query(byTopic, { topic: "ok" })).toBeInstanceOf(Array);
});

test("connections beyond the cap are refused; the ones already open are served", async () => {
  const open = await Promise.all(Array.from({ length: MAX_CONNECTIONS }, () => rawSocket()));
  const refused = new WebSocket(`${backend.url.replace("http", "ws")}/api/1.0/sync`);
  sockets.push(refused);
  const status = await new Promise<number | undefined>((resolve) =>
    refused.on("unexpected-response", (_request, response) => resolve(response.statusCode)),
  );
  expect(status).toBe(503);
  const first = open[0]!;
  subscribeMany(first.socket, 1, "notes:byTopic", () => ({ topic: "ok" }));
  await expect.poll(() => first.messages.some((m) => m.type === "Transition")).toBe(true);
});

test("a client watching many invalidated queries does not hold up a well-behaved client", async () => {
  const flood = await rawSocket();
  const FLOOD = 800;
  subscribeMany(flood.socket, FLOOD, "notes:all", (i) => ({ salt: i }));
  await expect.poll(() => flood.messages.some((m) => m.type === "Transition"), { timeout: 20_000 }).toBe(true);
  const good = client();
  await waitFor(good, "good", () => true);

  const writer = client();
  const order: string[] = [];
  flood.socket.on("message", (data) => {
    if ((JSON.parse(String(data)) as Message).type === "Transition") order.push("flood");
  });
  const atCommit = backend.stats().evaluations;
  let atGoodUpdate = 0;
  const goodSaw = waitFor(good, "good", (v) => v.includes("hello")).then(() => {
    atGoodUpdate = backend.stats().evaluations;
    order.push("good");
  });
  await writer.mutation(add, { topic: "good", text: "hello" });
  await goodSaw;
  await expect.poll(() => order.includes("flood"), { timeout: 30_000 }).toBe(true);
  // The flood's 800 evaluations take turns with everyone else's: the good client's update went
  // out after a handful of them, and before the flooding client's own update.
  expect(order[0]).toBe("good");
  expect(atGoodUpdate - atCommit).toBeLessThan(50);
}, 60_000);
