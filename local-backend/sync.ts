// The Convex client's WebSocket sync protocol: a query set per connection, whose queries are
// re-evaluated when a commit wrote inside what they read; mutations in order; actions
// concurrently (a bounded number at a time); Authenticate with a JWT.
// Message shapes: node_modules/convex/dist/esm-types/browser/sync/protocol.d.ts
import type { WebSocket } from "ws";
import { convexToJson, jsonToConvex, type JSONValue, type Value } from "convex/values";
import type { Identity, UdfType } from "./engine.ts";

export type CallResult = { ok: true; value: Value } | { ok: false; errorMessage: string; errorData?: JSONValue };

/** What the sync layer needs from the rest of the backend. */
export type SyncHost = {
  call(type: UdfType, udfPath: string, args: Record<string, Value>, identity: Identity | null): Promise<CallResult>;
  /**
   * The query's current result, shared by every client asking the same (see live-queries.ts);
   * the same object until a commit invalidates it. `owner` is the asking connection.
   */
  evaluate(
    key: string,
    owner: unknown,
    udfPath: string,
    args: Record<string, Value>,
    identity: Identity | null,
  ): { result: Promise<CallResult> };
  queryKey(udfPath: string, args: Record<string, Value>, identity: Identity | null): string;
  verifyToken(token: string): Promise<Identity>;
  currentTs(): bigint;
};

type Version = { querySet: number; identity: number; ts: bigint };
type Subscription = {
  udfPath: string;
  args: Record<string, Value>;
  key: string;
  lastSent?: string;
  lastEvaluation?: object;
};

const PING_INTERVAL_MS = 15_000;
/** Queries one connection may subscribe to; more is answered with a FatalError for it alone. */
export const MAX_SUBSCRIPTIONS_PER_CONNECTION = 1_000;
/** Actions of one connection running at once; the rest wait their turn. */
const MAX_CONCURRENT_ACTIONS = 16;
/** A client that stops reading is dropped before its unsent messages exhaust memory. */
const MAX_BUFFERED_BYTES = 64 * 1024 * 1024;

export function encodeTs(ts: bigint): string {
  const bytes = Buffer.alloc(8);
  bytes.writeBigUInt64LE(ts);
  return bytes.toString("base64");
}

export class SyncConnection {
  private readonly socket: WebSocket;
  private readonly host: SyncHost;
  private version: Version = { querySet: 0, identity: 0, ts: 0n };
  private readonly subscriptions = new Map<number, Subscription>();
  private identity: Identity | null = null;
  // Work that sends messages runs in order, so versions always chain.
  private outbox: Promise<void> = Promise.resolve();
  // Mutations from one client commit in the order it sent them.
  private mutations: Promise<void> = Promise.resolve();
  private refreshQueued = false;
  private readonly stale = new Set<string>();
  private actionsRunning = 0;
  private readonly actionsWaiting: (() => void)[] = [];
  private readonly ping: NodeJS.Timeout;
  private closed = false;

  constructor(socket: WebSocket, host: SyncHost) {
    this.socket = socket;
    this.host = host;
    socket.on("message", (data) => this.receive(String(data)));
    socket.on("close", () => this.close());
    socket.on("error", () => this.close());
    this.ping = setInterval(() => this.send({ type: "Ping" }), PING_INTERVAL_MS);
  }

  /**
   * Called after a commit with the keys of the query results it invalidated (null: all): re-run
   * this client's affected queries and send what changed, in one Transition.
   */
  refresh(stale: Set<string> | null) {
    if (this.closed) return;
    if (stale === null) for (const subscription of this.subscriptions.values()) this.stale.add(subscription.key);
    else
      for (const subscription of this.subscriptions.values())
        if (stale.has(subscription.key)) this.stale.add(subscription.key);
    if (this.refreshQueued || this.stale.size === 0) return;
    this.refreshQueued = true;
    this.enqueue(async () => {
      this.refreshQueued = false;
      const keys = new Set(this.stale);
      this.stale.clear();
      const affected = [...this.subscriptions]
        .filter(([, subscription]) => keys.has(subscription.key))
        .map(([queryId]) => queryId);
      await this.transition(this.version.querySet, this.version.identity, affected);
    });
  }

  private close() {
    this.closed = true;
    clearInterval(this.ping);
  }

  private receive(raw: string) {
    let message: { type?: string; [key: string]: unknown };
    try {
      message = JSON.parse(raw) as typeof message;
      if (typeof message !== "object" || message === null) throw new Error("not an object");
    } catch {
      return this.fail("Malformed message: expected a JSON object.");
    }
    try {
      switch (message.type) {
        case "Connect":
        case "Event":
          return;
        case "ModifyQuerySet":
          return this.enqueue(() => this.modifyQuerySet(message as never));
        case "Authenticate":
          return this.enqueue(() => this.authenticate(message as never));
        case "Mutation":
          return this.mutation(message as never);
        case "Action":
          return this.action(message as never);
        default:
          return this.fail(`Unknown message type: ${String(message.type)}`);
      }
    } catch (error) {
      this.fail(`Bad message: ${(error as Error).message}`);
    }
  }

  private async modifyQuerySet(message: {
    baseVersion: number;
    newVersion: number;
    modifications: (
      { type: "Add"; queryId: number; udfPath: string; args: JSONValue[] } | { type: "Remove"; queryId: number }
    )[];
  }) {
    if (message.baseVersion !== this.version.querySet || !Array.isArray(message.modifications)) {
      return this.fail(`Query set out of sync: expected base version ${this.version.querySet}.`);
    }
    const added: number[] = [];
    const removed: number[] = [];
    for (const modification of message.modifications) {
      if (modification.type === "Add") {
        if (typeof modification.udfPath !== "string") return this.fail("Add needs a udfPath.");
        let args: Record<string, Value>;
        try {
          args = decodeArgs(modification.args);
        } catch (error) {
          return this.fail(`Bad query arguments: ${(error as Error).message}`);
        }
        if (
          !this.subscriptions.has(modification.queryId) &&
          this.subscriptions.size >= MAX_SUBSCRIPTIONS_PER_CONNECTION
        ) {
          return this.fail(`Too many queries on one connection (at most ${MAX_SUBSCRIPTIONS_PER_CONNECTION}).`);
        }
        const key = this.host.queryKey(modification.udfPath, args, this.identity);
        this.subscriptions.set(modification.queryId, { udfPath: modification.udfPath, args, key });
        added.push(modification.queryId);
      } else if (modification.type === "Remove") {
        this.subscriptions.delete(modification.queryId);
        removed.push(modification.queryId);
      }
    }
    await this.transition(message.newVersion, this.version.identity, added, removed);
  }

  private async authenticate(message: { tokenType: "User" | "None" | "Admin"; value?: string; baseVersion: number }) {
    if (message.baseVersion !== this.version.identity) {
      return this.fail(`Identity out of sync: expected base version ${this.version.identity}.`);
    }
    if (message.tokenType === "None") {
      this.identity = null;
    } else if (message.tokenType === "User" && typeof message.value === "string") {
      try {
        this.identity = await this.host.verifyToken(message.value);
      } catch (error) {
        // The client fetches a fresh token and reconnects.
        this.send({
          type: "AuthError",
          error: `Invalid token: ${(error as Error).message}`,
          baseVersion: message.baseVersion,
          authUpdateAttempted: true,
        });
        this.socket.close(1000, "AuthError");
        return;
      }
    } else {
      this.send({
        type: "AuthError",
        error: "Unsupported token type.",
        baseVersion: message.baseVersion,
        authUpdateAttempted: true,
      });
      this.socket.close(1000, "AuthError");
      return;
    }
    // Every query may depend on who is asking.
    for (const subscription of this.subscriptions.values()) {
      delete subscription.lastSent;
      delete subscription.lastEvaluation;
      subscription.key = this.host.queryKey(subscription.udfPath, subscription.args, this.identity);
    }
    await this.transition(this.version.querySet, message.baseVersion + 1, [...this.subscriptions.keys()]);
  }

  private mutation(message: { requestId: number; udfPath: string; args: JSONValue[] }) {
    const args = decodeArgs(message.args);
    const identity = this.identity;
    const done = this.mutations.then(() => this.host.call("mutation", message.udfPath, args, identity));
    this.mutations = done.then(
      () => undefined,
      () => undefined,
    );
    void done.then((result) =>
      this.enqueue(async () => {
        if (result.ok) {
          const ts = this.host.currentTs();
          this.send({
            type: "MutationResponse",
            requestId: message.requestId,
            success: true,
            result: convexToJson(result.value),
            ts: encodeTs(ts),
            logLines: [],
          });
        } else {
          this.send({
            type: "MutationResponse",
            requestId: message.requestId,
            success: false,
            result: result.errorMessage,
            errorData: result.errorData,
            logLines: [],
          });
        }
        // The client resolves the mutation once it sees a transition at or past its timestamp
        // *after* the response. The commit's own refresh may already have sent that transition
        // (before the response), so send one even when nothing changed.
        await this.transition(this.version.querySet, this.version.identity, [...this.subscriptions.keys()], [], true);
      }),
    );
  }

  private action(message: { requestId: number; udfPath: string; args: JSONValue[] }) {
    const args = decodeArgs(message.args);
    const identity = this.identity;
    const run = async () => {
      if (this.actionsRunning >= MAX_CONCURRENT_ACTIONS)
        await new Promise<void>((resolve) => this.actionsWaiting.push(resolve));
      this.actionsRunning += 1;
      try {
        return await this.host.call("action", message.udfPath, args, identity);
      } finally {
        this.actionsRunning -= 1;
        this.actionsWaiting.shift()?.();
      }
    };
    void run().then((result) =>
      this.enqueue(async () => {
        this.send(
          result.ok
            ? {
                type: "ActionResponse",
                requestId: message.requestId,
                success: true,
                result: convexToJson(result.value),
                logLines: [],
              }
            : {
                type: "ActionResponse",
                requestId: message.requestId,
                success: false,
                result: result.errorMessage,
                errorData: result.errorData,
                logLines: [],
              },
        );
      }),
    );
  }

  /** Evaluates the given queries and sends one Transition to the new version. */
  private async transition(
    querySet: number,
    identity: number,
    evaluate: number[],
    removed: number[] = [],
    always = false,
  ) {
    const ts = this.host.currentTs();
    const modifications: unknown[] = removed.map((queryId) => ({ type: "QueryRemoved", queryId }));
    const results = await Promise.all(
      evaluate.map(async (queryId) => {
        const subscription = this.subscriptions.get(queryId);
        if (!subscription) return null;
        const evaluation = this.host.evaluate(
          subscription.key,
          this,
          subscription.udfPath,
          subscription.args,
          this.identity,
        );
        // The very result this client was last sent: nothing to compare.
        if (evaluation === subscription.lastEvaluation) return null;
        return { queryId, subscription, evaluation, result: await evaluation.result };
      }),
    );
    for (const entry of results) {
      if (!entry) continue;
      const { queryId, subscription, evaluation, result } = entry;
      subscription.lastEvaluation = evaluation;
      const modification = result.ok
        ? { type: "QueryUpdated", queryId, value: convexToJson(result.value), logLines: [], journal: null }
        : {
            type: "QueryFailed",
            queryId,
            errorMessage: result.errorMessage,
            errorData: result.errorData,
            logLines: [],
            journal: null,
          };
      const serialized = JSON.stringify(modification);
      if (serialized === subscription.lastSent) continue;
      subscription.lastSent = serialized;
      modifications.push(modification);
    }
    const next: Version = { querySet, identity, ts: ts > this.version.ts ? ts : this.version.ts };
    const versionChanged =
      next.querySet !== this.version.querySet || next.identity !== this.version.identity || next.ts !== this.version.ts;
    if (modifications.length === 0 && !versionChanged && !always) return;
    this.send({
      type: "Transition",
      startVersion: encodeVersion(this.version),
      endVersion: encodeVersion(next),
      modifications,
      serverTs: Date.now(),
    });
    this.version = next;
  }

  private enqueue(work: () => Promise<void>) {
    this.outbox = this.outbox.then(work).catch((error: unknown) => {
      console.error("[local-backend] sync error:", error);
    });
  }

  private send(message: unknown) {
    if (this.closed || this.socket.readyState !== this.socket.OPEN) return;
    if (this.socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      this.socket.terminate();
      this.close();
      return;
    }
    this.socket.send(JSON.stringify(message));
  }

  /** A protocol error ends this connection only; the client reconnects from scratch. */
  private fail(error: string) {
    this.send({ type: "FatalError", error });
    this.socket.close(1002, error.slice(0, 120));
    this.close();
  }
}

function decodeArgs(args: JSONValue[] | undefined): Record<string, Value> {
  if (!Array.isArray(args) || args.length > 1) throw new Error("args must be an array of one object.");
  const value = args.length === 0 ? {} : jsonToConvex(args[0] ?? {});
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new Error("args must be an object.");
  return value as Record<string, Value>;
}

function encodeVersion(version: Version) {
  return { querySet: version.querySet, identity: version.identity, ts: encodeTs(version.ts) };
}
