// The model scorer's pure half: the prompt, the forced strict tool, the validation of what comes
// back, and the price list. No Convex or SDK imports, so all of it is tested without a network.
//
// Members go to the model as opaque references (m01, m02, …) and numbers only: no name, headline
// or any other member-written text is ever in a request, so nothing a member types can steer it.
import { ENGAGEMENT_LEVELS, ENGAGEMENT_LIMITS, type EngagementLevel } from "../lib/vocabulary";
import { clampScore, LEVEL_BANDS, RULES_DESCRIPTION } from "./rules";
import { daysSinceActivity, type Signals } from "./signals";

/** The one place the model is named. */
export const MODEL_ID = "claude-haiku-4-5";
export const TOOL_NAME = "record_engagement_levels";
export const MAX_OUTPUT_TOKENS = 4096;

/** USD per million tokens; the Message Batches API costs half. */
export const PRICE_PER_MILLION = { input: 1, output: 5 } as const;

export function estimateCostUsd(inputTokens: number, outputTokens: number, batch: boolean): number {
  const full = (inputTokens * PRICE_PER_MILLION.input + outputTokens * PRICE_PER_MILLION.output) / 1_000_000;
  return batch ? full / 2 : full;
}

/** The numbers the model sees for one member. */
export type MemberView = {
  ref: string;
  attendedRecent: number;
  recentEvents: number;
  attendedVerified: number;
  attendedSelfReported: number;
  rsvps: number;
  noShows: number;
  totalOrgEvents: number;
  daysSinceLastActivity: number | null;
  membershipDays: number;
  profileCompleteness: number;
  programSessions: number;
  programsCompleted: number;
  ruleScore: number;
};

export function memberView(ref: string, signals: Signals, ruleScore: number, now: number): MemberView {
  return {
    ref,
    attendedRecent: signals.recentAttended,
    recentEvents: signals.recentEvents,
    attendedVerified: signals.attendedVerified,
    attendedSelfReported: signals.attendedSelfReported,
    rsvps: signals.eventsRsvped,
    noShows: signals.noShows,
    totalOrgEvents: signals.totalOrgEvents,
    daysSinceLastActivity: daysSinceActivity(signals, now),
    membershipDays: signals.membershipDurationDays,
    profileCompleteness: signals.profileCompleteness,
    programSessions: signals.programSessions,
    programsCompleted: signals.programsCompleted,
    ruleScore,
  };
}

/** The reference of the i-th member of a request (opaque, carries no identity). */
export function refFor(index: number): string {
  return `m${String(index + 1).padStart(2, "0")}`;
}

const bands = ENGAGEMENT_LEVELS.map((l) => `${l}: ${LEVEL_BANDS[l].min}–${LEVEL_BANDS[l].max}`).join("; ");

export const SYSTEM_PROMPT = [
  "You rate how engaged members of a community organization (a local AI-safety hub, a reading group, a student club) are, from attendance numbers only.",
  "Each member is an opaque reference with numbers: attendedRecent of the org's last recentEvents past events; attendedVerified (checked in at the door or marked by an admin) and attendedSelfReported (only the member's word, worth less); rsvps; noShows (said going, did not come); totalOrgEvents held; daysSinceLastActivity (null = never active); membershipDays; profileCompleteness (0–100); programSessions (program sessions attended); programsCompleted; ruleScore, a rule-based baseline.",
  `Give every member exactly once a level and a score 0–100 inside the level's band (${bands}), and a one-sentence explanation under ${ENGAGEMENT_LIMITS.explanation} characters for an admin, citing the numbers, e.g. "Attended 5 of the last 6 events, 2 checked in at the door; missed 1 after saying going." Use only numbers from that member's data; no other numbers, no names, no guesses about people.`,
  "Recent, verified attendance counts most; kept RSVPs show reliability; no-shows count against; tenure and profile matter little. Stay near ruleScore unless the pattern clearly says otherwise.",
  `Answer only by calling ${TOOL_NAME}.`,
].join("\n");

export const TOOL = {
  name: TOOL_NAME,
  description: "Record the engagement level, score and explanation of every member in the request.",
  strict: true,
  input_schema: {
    type: "object" as const,
    additionalProperties: false,
    required: ["members"],
    properties: {
      members: {
        type: "array",
        items: {
          type: "object",
          additionalProperties: false,
          required: ["ref", "level", "score", "explanation"],
          properties: {
            ref: { type: "string" },
            level: { type: "string", enum: [...ENGAGEMENT_LEVELS] },
            score: { type: "integer" },
            explanation: { type: "string" },
          },
        },
      },
    },
  },
};

/** The request body for one chunk (also a batch request's `params`). */
export function buildRequest(views: MemberView[]) {
  return {
    model: MODEL_ID,
    max_tokens: MAX_OUTPUT_TOKENS,
    system: SYSTEM_PROMPT,
    tools: [TOOL],
    tool_choice: { type: "tool" as const, name: TOOL_NAME },
    messages: [{ role: "user" as const, content: JSON.stringify({ members: views }) }],
  };
}

export type ModelVerdict = { ref: string; level: EngagementLevel; score: number; explanation: string };
export type Validation = { valid: ModelVerdict[]; invalid: { ref: string; reason: string }[] };

function numbersIn(text: string): number[] {
  return (text.match(/\d+(?:\.\d+)?/g) ?? []).map(Number);
}

/**
 * Checks a response's content against the members asked about. A malformed answer fails every
 * member; otherwise each member is checked on its own: present exactly once (extras are
 * ignored), a known level, the score clamped to 0–100 and inside the level's band, an
 * explanation of at most 300 characters whose every number is one of that member's numbers.
 */
export function validateResponse(content: unknown, views: MemberView[]): Validation {
  const all = (reason: string): Validation => ({ valid: [], invalid: views.map((v) => ({ ref: v.ref, reason })) });
  if (!Array.isArray(content)) return all("malformed response");
  const block = content.find(
    (b): b is { type: "tool_use"; name: string; input: unknown } =>
      typeof b === "object" && b !== null && (b as { type?: unknown }).type === "tool_use",
  );
  if (block === undefined || block.name !== TOOL_NAME) return all("no tool call in the response");
  const input = block.input as { members?: unknown } | null;
  if (typeof input !== "object" || input === null || !Array.isArray(input.members)) return all("malformed tool input");
  const byRef = new Map<string, unknown[]>();
  for (const item of input.members) {
    const ref = typeof item === "object" && item !== null ? (item as { ref?: unknown }).ref : undefined;
    if (typeof ref !== "string") continue;
    byRef.set(ref, [...(byRef.get(ref) ?? []), item]);
  }
  const result: Validation = { valid: [], invalid: [] };
  for (const view of views) {
    const items = byRef.get(view.ref) ?? [];
    if (items.length === 0) {
      result.invalid.push({ ref: view.ref, reason: "missing from the answer" });
      continue;
    }
    if (items.length > 1) {
      result.invalid.push({ ref: view.ref, reason: "answered more than once" });
      continue;
    }
    const item = items[0] as { level?: unknown; score?: unknown; explanation?: unknown };
    if (typeof item.level !== "string" || !(ENGAGEMENT_LEVELS as readonly string[]).includes(item.level)) {
      result.invalid.push({ ref: view.ref, reason: "unknown level" });
      continue;
    }
    const level = item.level as EngagementLevel;
    if (typeof item.score !== "number" || !Number.isFinite(item.score)) {
      result.invalid.push({ ref: view.ref, reason: "score is not a number" });
      continue;
    }
    const score = clampScore(item.score);
    const band = LEVEL_BANDS[level];
    if (score < band.min || score > band.max) {
      result.invalid.push({ ref: view.ref, reason: `score ${score} contradicts the level ${level}` });
      continue;
    }
    if (typeof item.explanation !== "string" || item.explanation.trim() === "") {
      result.invalid.push({ ref: view.ref, reason: "no explanation" });
      continue;
    }
    const explanation = item.explanation.trim();
    if (explanation.length > ENGAGEMENT_LIMITS.explanation) {
      result.invalid.push({ ref: view.ref, reason: "explanation too long" });
      continue;
    }
    const allowed = new Set(Object.values(view).filter((x): x is number => typeof x === "number"));
    const stray = numbersIn(explanation).find((n) => !allowed.has(n));
    if (stray !== undefined) {
      result.invalid.push({ ref: view.ref, reason: `explanation cites ${stray}, not in the signals` });
      continue;
    }
    result.valid.push({ ref: view.ref, level, score, explanation });
  }
  return result;
}

export { RULES_DESCRIPTION };
