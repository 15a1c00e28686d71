// The model scorer's network half: one Anthropic client, created here and nowhere else, with
// explicit timeout and retries. Tests replace `anthropicSeam.fetch` (the SDK's custom fetch), so
// no test touches the network. No "use node": the SDK runs on fetch in Convex's default runtime.
import Anthropic from "@anthropic-ai/sdk";
import { env } from "../lib/env";
import { buildRequest, estimateCostUsd, validateResponse, type MemberView, type ModelVerdict } from "./model";

/**
 * The one seam: tests and the benchmark set a fake fetch here. It lives on globalThis so that a
 * runtime which loads convex/ in its own module graph (the local backend's engine) shares it.
 */
const SEAM_KEY = Symbol.for("astn.engagement.anthropicFetch");
type Seam = { fetch: typeof fetch | undefined };
export const anthropicSeam: Seam = ((globalThis as Record<symbol, Seam | undefined>)[SEAM_KEY] ??= {
  fetch: undefined,
});

/** Per-request timeout. Retries are the workpool's (429/5xx/529 only), so the SDK makes none. */
export const REQUEST_TIMEOUT_MS = 60_000;

export function hasApiKey(): boolean {
  return env.anthropicApiKey() !== undefined;
}

export function anthropicClient(): Anthropic {
  const apiKey = env.anthropicApiKey();
  if (apiKey === undefined) throw new Error("ANTHROPIC_API_KEY is not set");
  return new Anthropic({
    apiKey,
    timeout: REQUEST_TIMEOUT_MS,
    maxRetries: 0,
    ...(anthropicSeam.fetch ? { fetch: anthropicSeam.fetch } : {}),
  });
}

/** Worth retrying later: rate limited, overloaded (529), a server error, a timeout or no connection. */
export function isRetryable(error: unknown): boolean {
  if (error instanceof Anthropic.APIConnectionError) return true; // includes timeouts
  if (error instanceof Anthropic.APIError) {
    const status = error.status ?? 0;
    return status === 408 || status === 409 || status === 429 || status >= 500;
  }
  return false;
}

export function describeError(error: unknown): string {
  if (error instanceof Anthropic.APIConnectionTimeoutError) return "the request timed out";
  if (error instanceof Anthropic.APIError && error.status !== undefined) return `the API answered ${error.status}`;
  return error instanceof Error ? error.message.slice(0, 200) : "unknown error";
}

export type Usage = { requests: number; inputTokens: number; outputTokens: number; costUsd: number };
export const NO_USAGE: Usage = { requests: 0, inputTokens: 0, outputTokens: 0, costUsd: 0 };

export function addUsage(a: Usage, b: Usage): Usage {
  return {
    requests: a.requests + b.requests,
    inputTokens: a.inputTokens + b.inputTokens,
    outputTokens: a.outputTokens + b.outputTokens,
    costUsd: a.costUsd + b.costUsd,
  };
}

export function usageOf(message: { usage?: { input_tokens?: number; output_tokens?: number } }, batch: boolean): Usage {
  const inputTokens = message.usage?.input_tokens ?? 0;
  const outputTokens = message.usage?.output_tokens ?? 0;
  return { requests: 1, inputTokens, outputTokens, costUsd: estimateCostUsd(inputTokens, outputTokens, batch) };
}

export type ChunkOutcome = {
  verdicts: ModelVerdict[];
  failed: { ref: string; reason: string }[];
  usage: Usage;
};

async function ask(client: Anthropic, views: MemberView[]) {
  const message = await client.messages.create(buildRequest(views));
  return { validation: validateResponse(message.content, views), usage: usageOf(message, false) };
}

/**
 * Scores one chunk directly. Members whose answer fails validation are split in two halves and
 * each half is asked once more; what still fails is returned as failed (the caller falls back to
 * the rules). `first` is an answer already in hand (a batch result), so only the retry is direct.
 * A retryable API error is thrown (the workpool retries the chunk); any other is thrown too and
 * the caller records the chunk as a fallback.
 */
export async function scoreChunk(
  client: Anthropic,
  views: MemberView[],
  first?: { validation: ReturnType<typeof validateResponse>; usage: Usage },
): Promise<ChunkOutcome> {
  const firstAnswer = first ?? (await ask(client, views));
  let usage = firstAnswer.usage;
  const verdicts = [...firstAnswer.validation.valid];
  const failed: { ref: string; reason: string }[] = [];
  const retry = views.filter((v) => firstAnswer.validation.invalid.some((i) => i.ref === v.ref));
  if (retry.length === 0) return { verdicts, failed, usage };
  const firstReasons = new Map(firstAnswer.validation.invalid.map((i) => [i.ref, i.reason]));
  const half = Math.ceil(retry.length / 2);
  for (const part of [retry.slice(0, half), retry.slice(half)]) {
    if (part.length === 0) continue;
    const second = await ask(client, part);
    usage = addUsage(usage, second.usage);
    verdicts.push(...second.validation.valid);
    for (const bad of second.validation.invalid) {
      failed.push({ ref: bad.ref, reason: `${firstReasons.get(bad.ref) ?? bad.reason}, twice` });
    }
  }
  return { verdicts, failed, usage };
}
