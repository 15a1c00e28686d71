// ConvexReactClient makes its sync client (the WebSocket, the local query set, the auth handshake,
// request tracking: ~10 KB gzip) on first use. A page rendered on the server hydrates without it,
// so in the browser that code is fetched right away but not in the first JavaScript: the React
// client gets this stand-in (its `baseClient` option), which records subscriptions, transition
// handlers, auth and calls in order and hands them to the real client once it has arrived. Until
// then a query has no local result (as before the socket's first answer) and calls wait for it.
import type { BaseConvexClient, BaseConvexClientOptions, ConnectionState, QueryToken } from "convex/browser";
import { convexToJson, type Value } from "convex/values";

type Real = BaseConvexClient;
type Args = Record<string, Value> | undefined;
/** The internal methods ConvexReactClient and its paginated client also call (absent from the types). */
type Internal = {
  setAdminAuth(value: string, fakeUserIdentity?: unknown): void;
  localQueryResultByToken(queryToken: string): Value | undefined;
  hasLocalQueryResultByToken(queryToken: string): boolean;
  localQueryLogs(udfPath: string, args: Args): string[] | undefined;
};
const internal = (real: Real) => real as unknown as Internal;
type Op = (real: Real) => void;

/** Convex's query token (serializePathAndArgs of a canonical path), so listeners keyed by it match. */
export function convexQueryToken(name: string, args: Args): QueryToken {
  const pieces = name.split(":");
  const single = pieces.length === 1;
  let moduleName = single ? pieces[0]! : pieces.slice(0, -1).join(":");
  const functionName = single ? "default" : pieces[pieces.length - 1]!;
  if (moduleName.endsWith(".js")) moduleName = moduleName.slice(0, -3);
  return JSON.stringify({ udfPath: `${moduleName}:${functionName}`, args: convexToJson(args ?? {}) }) as QueryToken;
}

const NOT_CONNECTED: ConnectionState = {
  hasInflightRequests: false,
  isWebSocketConnected: false,
  hasEverConnected: false,
  connectionCount: 0,
  connectionRetries: 0,
  timeOfOldestInflightRequest: null,
  inflightMutations: 0,
  inflightActions: 0,
};

export class DeferredBaseClient {
  private real: Real | undefined;
  private queue: Op[] = [];
  private readonly ready: Promise<Real>;

  constructor(
    readonly url: string,
    options: BaseConvexClientOptions,
    load: () => Promise<typeof BaseConvexClient>,
  ) {
    this.ready = load().then((Base) => {
      // The same arguments ConvexReactClient passes (it takes transitions from its paginated
      // client's handler, registered below through addOnTransitionHandler).
      const real = new Base(url, () => {}, options);
      while (this.queue.length > 0) this.queue.shift()!(real);
      this.real = real;
      return real;
    });
    this.ready.catch((error: unknown) => console.error("Loading the Convex client failed", error));
  }

  private run(op: Op) {
    if (this.real) op(this.real);
    else this.queue.push(op);
  }

  /** Registers something now or on arrival; the returned function undoes it either way. */
  private register(add: (real: Real) => () => void): () => void {
    if (this.real) return add(this.real);
    let remove: (() => void) | undefined;
    let removed = false;
    this.queue.push((real) => {
      if (!removed) remove = add(real);
    });
    return () => {
      removed = true;
      remove?.();
      remove = undefined;
    };
  }

  subscribe(...[name, args, options]: Parameters<Real["subscribe"]>): ReturnType<Real["subscribe"]> {
    if (this.real) return this.real.subscribe(name, args, options);
    const queryToken = convexQueryToken(name, args);
    const unsubscribe = this.register((real) => {
      const subscription = real.subscribe(name, args, options);
      if (subscription.queryToken !== queryToken) console.error("Convex query token mismatch", name);
      return subscription.unsubscribe;
    });
    return { queryToken, unsubscribe };
  }

  addOnTransitionHandler(fn: Parameters<Real["addOnTransitionHandler"]>[0]) {
    return this.register((real) => real.addOnTransitionHandler(fn));
  }

  subscribeToConnectionState(cb: Parameters<Real["subscribeToConnectionState"]>[0]) {
    return this.register((real) => real.subscribeToConnectionState(cb));
  }

  setAuth(...args: Parameters<Real["setAuth"]>) {
    this.run((real) => real.setAuth(...args));
  }

  clearAuth() {
    this.run((real) => real.clearAuth());
  }

  setAdminAuth(value: string, fakeUserIdentity?: unknown) {
    this.run((real) => internal(real).setAdminAuth(value, fakeUserIdentity));
  }

  hasAuth() {
    return this.real?.hasAuth() ?? false;
  }

  localQueryResult(...args: Parameters<Real["localQueryResult"]>) {
    return this.real?.localQueryResult(...args);
  }

  localQueryResultByToken(queryToken: string) {
    return this.real && internal(this.real).localQueryResultByToken(queryToken);
  }

  hasLocalQueryResultByToken(queryToken: string) {
    return this.real ? internal(this.real).hasLocalQueryResultByToken(queryToken) : false;
  }

  localQueryLogs(udfPath: string, args: Args) {
    return this.real && internal(this.real).localQueryLogs(udfPath, args);
  }

  queryJournal(...args: Parameters<Real["queryJournal"]>) {
    return this.real?.queryJournal(...args);
  }

  connectionState(): ConnectionState {
    return this.real?.connectionState() ?? NOT_CONNECTED;
  }

  mutation(...args: Parameters<Real["mutation"]>) {
    return this.real ? this.real.mutation(...args) : this.ready.then((real) => real.mutation(...args));
  }

  action(...args: Parameters<Real["action"]>) {
    return this.real ? this.real.action(...args) : this.ready.then((real) => real.action(...args));
  }

  async close() {
    await (await this.ready).close();
  }
}
