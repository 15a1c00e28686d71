// The local backend: the engine behind Convex's wire protocols, with persistence, crons and
// hot reload. `startBackend` is used by `npm run dev`, the browser tests and the benchmarks.
import { existsSync, mkdirSync, readFileSync, rmSync, watch, writeFileSync, type FSWatcher } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { convexToJson, jsonToConvex, type JSONValue, type Value } from "convex/values";
import { createLocalJWKSet, jwtVerify } from "jose";
import { WebSocketServer } from "ws";
import { Engine, FunctionNotFound, type Commit, type Identity, type UdfType } from "./engine.ts";
import { LiveQueries, queryKey } from "./live-queries.ts";
import { deleteData, privateDir, Storage } from "./storage.ts";
import { loadOrCreateAuthKeys, readDotEnv } from "./env.ts";
import { CronRunner } from "./crons.ts";
import { encodeTs, SyncConnection, type CallResult, type SyncHost } from "./sync.ts";
import { originCheck, portOf } from "./origins.ts";
import { FileStore, servedType } from "./files.ts";

export type BackendOptions = {
  root: string;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  sitePort?: number;
  /** Where data and generated keys live; null keeps data in memory only (tests). */
  stateDir: string | null;
  reset?: boolean;
  watch?: boolean;
  log?: (line: string) => void;
  /** Open sync connections allowed at once (default MAX_CONNECTIONS). */
  maxConnections?: number;
  /** Browser origins allowed besides localhost on the app's and backend's ports and SITE_URL. */
  allowedOrigins?: string[];
};

export type RunningBackend = {
  url: string;
  siteUrl: string;
  adminKey: string;
  /** Runs any function, internal ones included, as the system. */
  runInternal(udfPath: string, args?: Record<string, Value>): Promise<Value>;
  /** The engine now serving (it changes on hot reload): seeding and benchmarks, in this process only. */
  engine(): Engine;
  /** True when the store holds no user-created documents yet. */
  isEmpty(): boolean;
  /** Every commit is already durable when it returns; this folds the write-ahead log into the database file. */
  flush(): void;
  /** Figures for tests and benchmarks: query evaluations so far, the longest commit write and checkpoint (ms). */
  stats(): {
    evaluations: number;
    longestWriteMs: number;
    longestCheckpointMs: number;
    storeLoadMs: number;
    indexWarmMs: number | null;
    connections: number;
  };
  close(): Promise<void>;
};

/** Largest HTTP body and WebSocket message accepted; larger ones get an error (that request or connection only). */
export const MAX_MESSAGE_BYTES = 8 * 1024 * 1024;
/** Open sync connections per process; more are refused with 503. */
export const MAX_CONNECTIONS = Number(process.env.LOCAL_BACKEND_MAX_CONNECTIONS ?? 500);

export async function startBackend(options: BackendOptions): Promise<RunningBackend> {
  const host = options.host ?? "127.0.0.1";
  const log = options.log ?? ((line: string) => console.log(`[local-backend] ${line}`));
  const stateDir = options.stateDir ?? join(options.root, ".local", `memory-${process.pid}`);
  if (options.stateDir) privateDir(options.stateDir);
  if (options.reset && options.stateDir) deleteData(options.stateDir);

  // Listen first: the site URL is part of the auth configuration the functions read.
  const apiServer = createServer();
  const siteServer = createServer();
  await listen(apiServer, options.port ?? 3210, host);
  await listen(siteServer, options.sitePort ?? 3211, host);
  const url = `http://${host}:${(apiServer.address() as AddressInfo).port}`;
  const siteUrl = `http://${host}:${(siteServer.address() as AddressInfo).port}`;

  const keys = await loadOrCreateAuthKeys(stateDir);
  const adminKey = loadOrCreateAdminKey(stateDir);
  if (!options.stateDir) rmSync(stateDir, { recursive: true, force: true });
  Object.assign(process.env, readDotEnv(join(options.root, ".env.local")), {
    JWT_PRIVATE_KEY: keys.JWT_PRIVATE_KEY,
    JWKS: keys.JWKS,
    CONVEX_SITE_URL: siteUrl,
    CONVEX_CLOUD_URL: url,
    SITE_URL: process.env.SITE_URL ?? "http://localhost:3000",
    ASTN_LOCAL_BACKEND: "1",
    // Convex Auth logs every sign-in step at INFO ("`auth:store` type: …"); keep dev output quiet.
    AUTH_LOG_LEVEL: process.env.AUTH_LOG_LEVEL ?? "WARN",
  });
  const jwks = createLocalJWKSet({ keys: [keys.publicKey] });
  const originOptions = {
    host,
    ports: [portOf(url), portOf(siteUrl), portOf(process.env.SITE_URL), Number(process.env.PORT ?? 0)].filter(
      (p): p is number => p !== null,
    ),
    origins: [process.env.SITE_URL, ...(options.allowedOrigins ?? [])],
  };
  const allowed = originCheck(originOptions);
  const allowedOnSite = originCheck({ ...originOptions, allowNullOrigin: true });
  const FORBIDDEN_ORIGIN = "This origin may not use the local backend (see --allow-origin).";

  // Commits: on disk first (before the caller hears of success), then a new timestamp, then
  // the live queries whose reads the commit touched are re-run for the clients watching them.
  let ts = BigInt(Date.now()) * 1_000_000n;
  const connections = new Set<SyncConnection>();
  const storage = options.stateDir ? new Storage(options.stateDir) : null;
  const live = new LiveQueries(async (udfPath, args, identity) => {
    const { reads, run } = await engine.runTracked(udfPath, args, identity);
    let result: CallResult;
    try {
      result = { ok: true, value: await run };
    } catch (error) {
      result = toFailure("query", udfPath, error);
    }
    return { reads, result };
  });
  const bumpTs = () => {
    const now = BigInt(Date.now()) * 1_000_000n;
    ts = now > ts ? now : ts + 1n;
  };
  let closed = false;
  const onCommit = (commit: Commit) => {
    if (closed) return log(`a commit arrived after close and was not stored (${commit.changes.length} documents)`);
    storage?.write(commit);
    bumpTs();
    const stale = live.invalidate(commit.changes);
    if (stale.size > 0) for (const connection of connections) connection.refresh(stale);
  };

  const files = new FileStore(options.stateDir);
  files.baseUrl = url;
  let engine = await Engine.load(options.root, onCommit);
  engine.attachFiles(files);
  if (storage) {
    storage.migrateLegacy(options.stateDir!, log);
    const snapshot = storage.load();
    if (snapshot) {
      const settled = await engine.restore(snapshot);
      for (const [component, docs] of groupByComponent(settled)) storage.writeDocuments(component, docs);
      log(`loaded data from ${storage.file}`);
    }
    files.sweep((storageId) => engine.isStored(storageId));
  }
  void engine.warmIndexes();
  const crons = new CronRunner((udfPath, args) => engine.runInternal(udfPath, args), log);
  crons.start(engine.crons);

  function flush() {
    storage?.checkpoint();
  }

  async function call(
    type: UdfType,
    udfPath: string,
    args: Record<string, Value>,
    identity: Identity | null,
  ): Promise<CallResult> {
    try {
      return { ok: true, value: await engine.run(type, udfPath, args, identity) };
    } catch (error) {
      return toFailure(type, udfPath, error);
    }
  }

  const syncHost: SyncHost = {
    call,
    evaluate: (key, owner, udfPath, args, identity) => live.get(key, owner, udfPath, args, identity),
    queryKey,
    async verifyToken(token) {
      const { payload } = await jwtVerify(token, jwks, { issuer: siteUrl, audience: "convex" });
      if (!payload.sub || !payload.iss) throw new Error("token has no subject");
      return {
        ...payload,
        subject: payload.sub,
        issuer: payload.iss,
        tokenIdentifier: `${payload.iss}|${payload.sub}`,
      };
    },
    currentTs: () => ts,
  };

  // WebSocket sync and the HTTP API share the deployment URL, as on Convex.
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  apiServer.on("upgrade", (request, socket, head) => {
    if (!allowed(request.headers)) {
      socket.end(`HTTP/1.1 403 Forbidden\r\ncontent-type: text/plain\r\nconnection: close\r\n\r\n${FORBIDDEN_ORIGIN}`);
      return;
    }
    if (!/^\/api\/[^/]+\/sync$/.test(new URL(request.url ?? "/", url).pathname)) return socket.destroy();
    const maxConnections = options.maxConnections ?? MAX_CONNECTIONS;
    if (connections.size >= maxConnections) {
      socket.end(
        `HTTP/1.1 503 Service Unavailable\r\ncontent-type: text/plain\r\nconnection: close\r\n\r\nToo many connections (at most ${maxConnections}).`,
      );
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws) => {
      const connection = new SyncConnection(ws, syncHost);
      connections.add(connection);
      ws.on("close", () => connections.delete(connection));
    });
  });
  apiServer.on("request", (request, response) => {
    if (!allowed(request.headers)) return sendJson(response, 403, { code: "Forbidden", message: FORBIDDEN_ORIGIN });
    void handleApi(request, response).catch((error: unknown) => sendJson(response, 500, { error: String(error) }));
  });
  siteServer.on("request", (request, response) => {
    if (!allowedOnSite(request.headers))
      return sendJson(response, 403, { code: "Forbidden", message: FORBIDDEN_ORIGIN });
    void handleSite(request, response).catch((error: unknown) => {
      log(`http action failed: ${String(error)}`);
      if (!response.headersSent) sendJson(response, 500, { error: "Internal error" });
    });
  });

  async function handleApi(request: IncomingMessage, response: ServerResponse) {
    cors(response);
    const path = new URL(request.url ?? "/", url).pathname;
    if (request.method === "OPTIONS") return void response.writeHead(204).end();
    if (request.method === "GET" && (path === "/version" || path === "/")) {
      return void response.writeHead(200, { "content-type": "text/plain" }).end("astn-local-backend");
    }
    if (request.method === "POST" && path === "/api/query_ts") return sendJson(response, 200, { ts: encodeTs(ts) });
    if (path.startsWith("/api/storage/")) return await handleStorage(request, response, path);
    // query_at_ts: the store keeps no history, so this reads the latest state. Server rendering
    // asks for one timestamp and then reads at it; only a write in between could differ.
    const type = (
      {
        "/api/query": "query",
        "/api/query_at_ts": "query",
        "/api/mutation": "mutation",
        "/api/action": "action",
      } as const
    )[path];
    if (request.method !== "POST" || !type)
      return sendJson(response, 404, { code: "NotFound", message: `No route ${path}` });

    let body: { path?: unknown; args?: unknown };
    try {
      body = JSON.parse((await readBody(request)).toString("utf8")) as typeof body;
    } catch {
      return sendJson(response, 400, { code: "BadJson", message: "Body must be JSON." });
    }
    if (typeof body.path !== "string") return sendJson(response, 400, { code: "BadRequest", message: "Missing path." });
    let args: Record<string, Value>;
    try {
      const raw = Array.isArray(body.args) ? body.args[0] : body.args;
      args = (raw === undefined ? {} : jsonToConvex(raw as JSONValue)) as Record<string, Value>;
    } catch (error) {
      return sendJson(response, 400, { code: "BadRequest", message: `Bad args: ${(error as Error).message}` });
    }

    const authorization = request.headers.authorization ?? "";
    let result: CallResult;
    if (authorization.startsWith("Convex ")) {
      // Admin key: may call internal functions, like a deploy key on Convex.
      if (authorization.slice("Convex ".length).split(":")[0] !== adminKey) {
        return sendJson(response, 401, { code: "Unauthenticated", message: "Bad admin key." });
      }
      try {
        result = { ok: true, value: await engine.runInternal(body.path, args) };
      } catch (error) {
        result = toFailure(type, body.path, error);
      }
    } else {
      let identity: Identity | null = null;
      if (authorization.startsWith("Bearer ")) {
        try {
          identity = await syncHost.verifyToken(authorization.slice("Bearer ".length));
        } catch (error) {
          return sendJson(response, 401, {
            code: "Unauthenticated",
            message: `Invalid token: ${(error as Error).message}`,
          });
        }
      }
      result = await call(type, body.path, args, identity);
    }
    if (result.ok)
      return sendJson(response, 200, { status: "success", value: convexToJson(result.value), logLines: [] });
    return sendJson(response, 560, {
      status: "error",
      errorMessage: result.errorMessage,
      errorData: result.errorData,
      logLines: [],
    });
  }

  // File storage: POST /api/storage/upload?token=… (a URL from generateUploadUrl) answers
  // { storageId }; GET /api/storage/<id> serves the file.
  async function handleStorage(request: IncomingMessage, response: ServerResponse, path: string) {
    if (request.method === "POST" && path === "/api/storage/upload") {
      const token = new URL(request.url ?? "/", url).searchParams.get("token");
      if (!files.takeToken(token)) {
        return sendJson(response, 401, { code: "InvalidUploadToken", message: "This upload URL expired or was used." });
      }
      let body: Buffer;
      try {
        body = await readBody(request);
      } catch {
        return sendJson(response, 413, {
          code: "TooLarge",
          message: `Files are limited to ${MAX_MESSAGE_BYTES} bytes.`,
        });
      }
      return sendJson(response, 200, { storageId: await engine.storeUpload(body) });
    }
    if (request.method === "GET" || request.method === "HEAD") {
      const blob = engine.readUpload(decodeURIComponent(path.slice("/api/storage/".length)));
      if (blob === null) return sendJson(response, 404, { code: "NotFound", message: "No such file." });
      const bytes = Buffer.from(await blob.arrayBuffer());
      const type = servedType(bytes);
      response.writeHead(200, {
        "content-type": type ?? "application/octet-stream",
        "content-length": String(bytes.length),
        "x-content-type-options": "nosniff",
        "cache-control": "private, max-age=3600",
        ...(type === null ? { "content-disposition": "attachment" } : {}),
      });
      return void response.end(request.method === "HEAD" ? undefined : bytes);
    }
    return sendJson(response, 404, { code: "NotFound", message: `No route ${path}` });
  }

  async function handleSite(request: IncomingMessage, response: ServerResponse) {
    cors(response);
    if (request.method === "OPTIONS") return void response.writeHead(204).end();
    const body = request.method === "GET" || request.method === "HEAD" ? undefined : await readBody(request);
    const headers = new Headers();
    for (const [name, value] of Object.entries(request.headers)) {
      if (typeof value === "string") headers.set(name, value);
    }
    const result = await engine.fetch(request.url ?? "/", {
      method: request.method,
      headers,
      body: body ? new Uint8Array(body) : undefined,
    });
    const responseHeaders: Record<string, string> = {};
    result.headers.forEach((value, name) => (responseHeaders[name] = value));
    response.writeHead(result.status, responseHeaders);
    response.end(Buffer.from(await result.arrayBuffer()));
  }

  // Hot reload: a changed file under convex/ loads a new engine that takes over the data.
  let watcher: FSWatcher | null = null;
  if (options.watch) {
    let timer: NodeJS.Timeout | null = null;
    watcher = watch(join(options.root, "convex"), { recursive: true }, () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void reload(), 300);
    });
  }
  async function reload() {
    let next: Engine;
    try {
      next = await Engine.load(options.root, onCommit);
    } catch (error) {
      log(`reload failed, still running the previous code: ${(error as Error).message}`);
      return;
    }
    const snapshot = engine.snapshot();
    engine.retire();
    next.attachFiles(files, engine);
    const settled = await next.restore(snapshot, false);
    for (const [component, docs] of groupByComponent(settled)) storage?.writeDocuments(component, docs);
    engine = next;
    void engine.warmIndexes();
    crons.start(engine.crons);
    // New code: every result may differ.
    live.clear();
    bumpTs();
    for (const connection of connections) connection.refresh(null);
    log("convex/ reloaded");
  }

  return {
    url,
    siteUrl,
    adminKey,
    runInternal: (udfPath, args = {}) => engine.runInternal(udfPath, args),
    engine: () => engine,
    isEmpty: () => !engine.hasDocuments(),
    flush,
    stats: () => ({
      evaluations: live.evaluations,
      longestWriteMs: storage?.longestWriteMs ?? 0,
      longestCheckpointMs: storage?.longestCheckpointMs ?? 0,
      storeLoadMs: storage?.loadMs ?? 0,
      indexWarmMs: engine.indexWarmMs,
      connections: connections.size,
    }),
    async close() {
      watcher?.close();
      crons.stop();
      for (const client of sockets.clients) client.terminate();
      await Promise.all([closeServer(apiServer), closeServer(siteServer)]);
      engine.retire();
      closed = true;
      storage?.close();
    },
  };
}

function toFailure(type: UdfType, udfPath: string, error: unknown): CallResult {
  const err = error as { name?: string; message?: string; data?: unknown };
  if (err?.name === "ConvexError" && err.data !== undefined) {
    return { ok: false, errorMessage: err.message ?? "ConvexError", errorData: convexToJson(err.data as Value) };
  }
  if (error instanceof FunctionNotFound) return { ok: false, errorMessage: error.message };
  const label = { query: "Q", mutation: "M", action: "A" }[type];
  return {
    ok: false,
    errorMessage: `[CONVEX ${label}(${udfPath})] Uncaught ${err?.name ?? "Error"}: ${err?.message ?? String(error)}`,
  };
}

function groupByComponent(docs: { component: string; doc: Record<string, Value> }[]) {
  const groups = new Map<string, Record<string, Value>[]>();
  for (const { component, doc } of docs) groups.set(component, [...(groups.get(component) ?? []), doc]);
  return groups;
}

function loadOrCreateAdminKey(stateDir: string): string {
  const file = join(stateDir, "admin-key");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(stateDir, { recursive: true });
  const key = `local-admin|${randomBytes(24).toString("base64url")}`;
  writeFileSync(file, key, { mode: 0o600 });
  return key;
}

function listen(server: Server, port: number, host: string) {
  return new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
}

function closeServer(server: Server) {
  return new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_MESSAGE_BYTES) {
        reject(new Error("Body too large"));
        request.destroy();
      } else chunks.push(chunk);
    });
    request.on("end", () => resolve(Buffer.concat(chunks)));
    request.on("error", reject);
  });
}

function cors(response: ServerResponse) {
  response.setHeader("access-control-allow-origin", "*");
  response.setHeader("access-control-allow-headers", "content-type, authorization, convex-client");
  response.setHeader("access-control-allow-methods", "GET, POST, PUT, PATCH, DELETE, OPTIONS");
}

function sendJson(response: ServerResponse, status: number, body: unknown) {
  if (response.headersSent) return;
  response.writeHead(status, { "content-type": "application/json" });
  response.end(JSON.stringify(body));
}
