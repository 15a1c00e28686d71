import { BaseConvexClient } from "convex/browser";
import type { Value } from "convex/values";
import { describe, expect, test, vi } from "vitest";

import { convexQueryToken, DeferredBaseClient } from "./deferred-convex-client";

/** A socket that never connects: the real client is built, nothing goes over the network. */
class IdleSocket {
  static last: IdleSocket | undefined;
  constructor() {
    IdleSocket.last = this;
  }
  readyState = 0;
  onopen: unknown = null;
  onclose: ((event: { code: number }) => void) | null = null;
  onmessage: unknown = null;
  onerror: unknown = null;
  send() {}
  close() {
    this.onclose?.({ code: 1000 });
  }
  addEventListener() {}
  removeEventListener() {}
}

const options = { unsavedChangesWarning: false, webSocketConstructor: IdleSocket as unknown as typeof WebSocket };

/** Records what reaches the "real" client, in order. */
function recordingClient() {
  const calls: string[] = [];
  class Recording {
    constructor(
      readonly address: string,
      _onTransition: unknown,
      readonly options: unknown,
    ) {
      calls.push(`new ${address}`);
    }
    subscribe(name: string) {
      calls.push(`subscribe ${name}`);
      return { queryToken: convexQueryToken(name, {}), unsubscribe: () => calls.push(`unsubscribe ${name}`) };
    }
    addOnTransitionHandler() {
      calls.push("transitions");
      return () => calls.push("transitions off");
    }
    setAuth() {
      calls.push("setAuth");
    }
    clearAuth() {
      calls.push("clearAuth");
    }
    localQueryResult(name: string) {
      return `result of ${name}`;
    }
    async mutation(name: string) {
      calls.push(`mutation ${name}`);
      return `done ${name}`;
    }
  }
  let arrive!: () => void;
  const arrived = new Promise<void>((resolve) => (arrive = resolve));
  const load = () => arrived.then(() => Recording as unknown as typeof BaseConvexClient);
  return { calls, arrive, load };
}

describe("DeferredBaseClient", () => {
  test("hands out the real client's query tokens", async () => {
    const real = new BaseConvexClient("http://127.0.0.1:1", () => {}, options);
    try {
      const cases: [string, Record<string, Value>][] = [
        ["events/queries:getEvent", { eventId: "abc", n: 1, list: [1, "x"], nested: { b: 2, a: null } }],
        ["events/queries.js:getEvent", {}],
        ["orgs/queries", { slug: "x" }],
      ];
      for (const [name, args] of cases) {
        const { queryToken, unsubscribe } = real.subscribe(name, args);
        expect(convexQueryToken(name, args)).toBe(queryToken);
        unsubscribe();
      }
    } finally {
      // Closing a socket that is still connecting waits for its close event.
      const closed = real.close();
      IdleSocket.last?.onclose?.({ code: 1000 });
      await closed;
    }
  });

  test("queues subscriptions, handlers, auth and calls in order until the real client arrives", async () => {
    const { calls, arrive, load } = recordingClient();
    const deferred = new DeferredBaseClient("http://x", {}, load);
    deferred.addOnTransitionHandler(() => {});
    const kept = deferred.subscribe("a:kept", {});
    const dropped = deferred.subscribe("a:dropped", {});
    deferred.setAuth(
      async () => null,
      () => {},
    );
    const done = deferred.mutation("a:rsvp", {});
    dropped.unsubscribe();
    expect(kept.queryToken).toBe(convexQueryToken("a:kept", {}));
    expect(deferred.localQueryResult("a:kept", {})).toBeUndefined();
    expect(deferred.connectionState().isWebSocketConnected).toBe(false);
    expect(calls).toEqual([]);

    arrive();
    await expect(done).resolves.toBe("done a:rsvp");
    expect(calls).toEqual(["new http://x", "transitions", "subscribe a:kept", "setAuth", "mutation a:rsvp"]);

    // Once it is there everything goes straight to it.
    expect(deferred.localQueryResult("a:kept", {})).toBe("result of a:kept");
    kept.unsubscribe();
    deferred.clearAuth();
    deferred.subscribe("a:later", {});
    expect(calls.slice(5)).toEqual(["unsubscribe a:kept", "clearAuth", "subscribe a:later"]);
  });

  test("a failed load is reported and calls fail instead of hanging", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const deferred = new DeferredBaseClient("http://x", {}, () => Promise.reject(new Error("offline")));
    await expect(deferred.mutation("a:rsvp", {})).rejects.toThrow("offline");
    expect(error).toHaveBeenCalledWith("Loading the Convex client failed", expect.any(Error));
    error.mockRestore();
  });
});
