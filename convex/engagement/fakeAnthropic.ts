// A stand-in for the Anthropic API behind the SDK's custom `fetch` (the one seam in llm.ts),
// for tests and the benchmark: it answers messages and Message Batches requests the way the API
// does, counts requests and tokens, and can be told to fail. It never touches the network.
import { levelForScore } from "./rules";
import { TOOL_NAME, type MemberView } from "./model";

export type FakeMember = { ref: string; level: string; score: number; explanation: string };

export type FakeOptions = {
  /** The tool input for one request; default: the rule score and a sentence citing the numbers. */
  answer?: (views: MemberView[], requestIndex: number) => unknown;
  /** HTTP statuses (or "timeout") for the next direct requests, in order; then success. */
  failures?: (number | "timeout")[];
  /** Batch results by custom_id that are not "succeeded". */
  batchResult?: (customId: string) => "succeeded" | "errored" | "expired" | "canceled";
};

export function defaultAnswer(views: MemberView[]): unknown {
  return {
    members: views.map((v) => ({
      ref: v.ref,
      level: levelForScore(v.ruleScore),
      score: v.ruleScore,
      explanation:
        v.recentEvents > 0
          ? `Attended ${v.attendedRecent} of the last ${v.recentEvents} events, ${v.attendedVerified} checked in.`
          : "No events have been held yet.",
    })),
  };
}

function json(status: number, body: unknown) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", "request-id": "req_fake" },
  });
}

export function fakeAnthropic(options: FakeOptions = {}) {
  const failures = [...(options.failures ?? [])];
  const stats = {
    requests: 0,
    directRequests: 0,
    batchRequests: 0,
    inputTokens: 0,
    outputTokens: 0,
    bodies: [] as string[],
  };
  const batches = new Map<string, { custom_id: string; params: { messages: { content: string }[] } }[]>();
  let requestIndex = 0;

  function message(views: MemberView[], bodyText: string) {
    const input = (options.answer ?? defaultAnswer)(views, requestIndex++);
    const inputTokens = Math.ceil(bodyText.length / 4);
    const outputTokens = Math.ceil(JSON.stringify(input).length / 4);
    stats.inputTokens += inputTokens;
    stats.outputTokens += outputTokens;
    return {
      id: `msg_${requestIndex}`,
      type: "message",
      role: "assistant",
      model: "claude-haiku-4-5",
      stop_reason: "tool_use",
      stop_sequence: null,
      content: [{ type: "tool_use", id: `toolu_${requestIndex}`, name: TOOL_NAME, input }],
      usage: { input_tokens: inputTokens, output_tokens: outputTokens },
    };
  }

  const viewsOf = (params: { messages: { content: string }[] }) =>
    (JSON.parse(params.messages[0]!.content) as { members: MemberView[] }).members;

  const fetchImpl = async (url: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const href = typeof url === "string" ? url : url instanceof URL ? url.href : url.url;
    const path = new URL(href).pathname;
    const method = init?.method ?? "GET";
    const bodyText = typeof init?.body === "string" ? init.body : "";
    if (method === "POST" && path === "/v1/messages") {
      stats.requests += 1;
      stats.directRequests += 1;
      stats.bodies.push(bodyText);
      const failure = failures.shift();
      if (failure === "timeout")
        throw new TypeError("fetch failed", { cause: new Error("Connect Timeout Error: timed out") });
      if (failure !== undefined) {
        return json(failure, {
          type: "error",
          error: { type: failure === 429 ? "rate_limit_error" : "invalid_request_error", message: "fake" },
        });
      }
      const body = JSON.parse(bodyText) as { messages: { content: string }[] };
      return json(200, message(viewsOf(body), bodyText));
    }
    if (method === "POST" && path === "/v1/messages/batches") {
      const body = JSON.parse(bodyText) as {
        requests: { custom_id: string; params: { messages: { content: string }[] } }[];
      };
      const id = `msgbatch_${batches.size + 1}`;
      batches.set(id, body.requests);
      stats.requests += body.requests.length;
      stats.batchRequests += body.requests.length;
      for (const r of body.requests) stats.bodies.push(JSON.stringify(r.params));
      return json(200, { id, type: "message_batch", processing_status: "in_progress", results_url: null });
    }
    const retrieve = path.match(/^\/v1\/messages\/batches\/([^/]+)$/);
    if (method === "GET" && retrieve) {
      return json(200, {
        id: retrieve[1],
        type: "message_batch",
        processing_status: "ended",
        results_url: `https://api.anthropic.com/v1/messages/batches/${retrieve[1]}/results`,
      });
    }
    const results = path.match(/^\/v1\/messages\/batches\/([^/]+)\/results$/);
    if (method === "GET" && results) {
      const lines = (batches.get(results[1]!) ?? []).map((r) => {
        const kind = options.batchResult?.(r.custom_id) ?? "succeeded";
        if (kind === "succeeded") {
          return {
            custom_id: r.custom_id,
            result: { type: "succeeded", message: message(viewsOf(r.params), JSON.stringify(r.params)) },
          };
        }
        if (kind === "errored") {
          return {
            custom_id: r.custom_id,
            result: { type: "errored", error: { type: "error", error: { type: "overloaded_error", message: "fake" } } },
          };
        }
        return { custom_id: r.custom_id, result: { type: kind } };
      });
      return new Response(lines.map((l) => JSON.stringify(l)).join("\n") + "\n", {
        status: 200,
        headers: { "content-type": "application/binary" },
      });
    }
    return json(404, { type: "error", error: { type: "not_found_error", message: `${method} ${path}` } });
  };
  return { fetch: fetchImpl as typeof fetch, stats };
}
