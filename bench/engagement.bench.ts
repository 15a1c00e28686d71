// Engagement benchmark: a "Recompute now" run over an org of N members on the local backend's
// engine, with the Anthropic API faked behind the SDK's fetch (counting requests and tokens),
// first on fresh members and then after 10% of them changed. One JSON line per (N, run):
// {"bench":"engagement","members":N,"run":"first"|"tenPercentChanged","llmRequests":…,
//  "inputTokens":…,"outputTokens":…,"estimatedCostUsd":…,"sentToModel":…,"carriedOver":…,
//  "maxDocumentsRead":…,"maxBytesRead":…,"maxDocumentsWritten":…,"naiveRequests":N}
// max* are the largest figures of any one transaction of the run (Convex's limits: 32,000
// documents and 16 MiB read, 16,000 written). naiveRequests is one call per member.
import { join } from "node:path";
import type { Value } from "convex/values";
import { Engine } from "../local-backend/engine.ts";
import { identityOf } from "./lib/identity.ts";

const root = join(import.meta.dirname, "..");
const SIZES = (process.env.BENCH_ENGAGEMENT_SIZES ?? "1000,10000").split(",").map(Number);
const DAY = 86_400_000;
const BANDS: [number, string][] = [
  [75, "highly_engaged"],
  [55, "engaged"],
  [35, "moderately_engaged"],
  [15, "low_engagement"],
  [0, "inactive"],
];

type Db = {
  insert(table: string, doc: Record<string, Value>): Promise<string>;
  patch(table: string, id: string, fields: Record<string, Value>): Promise<void>;
  get(table: string, id: string): Promise<Record<string, Value> | null>;
};

const stats = { requests: 0, inputTokens: 0, outputTokens: 0 };
// The fake API: answers every scoring request with the rule score's level.
const fakeFetch = async (_url: string | URL | Request, init?: RequestInit): Promise<Response> => {
  const body = JSON.parse(String(init?.body)) as { messages: { content: string }[] };
  const views = (
    JSON.parse(body.messages[0]!.content) as {
      members: { ref: string; ruleScore: number; attendedRecent: number; recentEvents: number }[];
    }
  ).members;
  const input = {
    members: views.map((v) => ({
      ref: v.ref,
      level: BANDS.find(([min]) => v.ruleScore >= min)![1],
      score: v.ruleScore,
      explanation: `Attended ${v.attendedRecent} of the last ${v.recentEvents} events.`,
    })),
  };
  const inputTokens = Math.ceil(String(init?.body).length / 4);
  const outputTokens = Math.ceil(JSON.stringify(input).length / 4);
  stats.requests += 1;
  stats.inputTokens += inputTokens;
  stats.outputTokens += outputTokens;
  return new Response(
    JSON.stringify({
      id: `msg_${stats.requests}`,
      type: "message",
      role: "assistant",
      model: "claude-haiku-4-5",
      stop_reason: "tool_use",
      stop_sequence: null,
      content: [{ type: "tool_use", id: "toolu", name: "record_engagement_levels", input }],
      usage: { input_tokens: inputTokens, output_tokens: outputTokens },
    }),
    { status: 200, headers: { "content-type": "application/json" } },
  );
};
(globalThis as Record<symbol, unknown>)[Symbol.for("astn.engagement.anthropicFetch")] = { fetch: fakeFetch };
process.env.ANTHROPIC_API_KEY = "sk-bench";

async function measure(members: number) {
  const max = { documentsRead: 0, bytesRead: 0, documentsWritten: 0 };
  let engine: Engine | null = null;
  let tracking = false;
  engine = await Engine.load(root, () => {
    const m = engine?.lastTransactionMetrics;
    if (!tracking || !m) return;
    max.documentsRead = Math.max(max.documentsRead, m.documentsRead.used);
    max.bytesRead = Math.max(max.bytesRead, m.bytesRead.used);
    max.documentsWritten = Math.max(max.documentsWritten, m.documentsWritten.used);
  });
  const now = Date.now();
  const { adminId, orgId, events } = await engine.runAsSystem(async (ctx) => {
    const db = ctx.db as Db;
    const adminId = await db.insert("users", { name: "Admin", email: "admin@bench.example" });
    const orgId = await db.insert("organizations", {
      name: "Big Hub",
      slug: "big-hub",
      visibility: "public",
      memberCount: members,
      createdBy: adminId,
      createdAt: now,
    });
    await db.insert("orgMemberships", { orgId, userId: adminId, role: "admin", joinedAt: now - 400 * DAY });
    const events: string[] = [];
    for (let i = 0; i < 12; i++) {
      const startTime = now - (i + 1) * 7 * DAY;
      events.push(
        await db.insert("events", {
          orgId,
          title: `Meetup ${i}`,
          eventType: "social",
          startTime,
          endTime: startTime + 7_200_000,
          timezone: "UTC",
          status: "published",
          goingCount: 0,
          maybeCount: 0,
          waitlistCount: 0,
          waitlistSeq: 0,
          sequence: 0,
          createdBy: adminId,
          createdAt: now,
          updatedAt: now,
        }),
      );
    }
    return { adminId, orgId, events };
  });
  const memberships: string[] = [];
  for (let start = 1; start < members; start += 500) {
    const ids = await engine.runAsSystem(async (ctx) => {
      const db = ctx.db as Db;
      const created: string[] = [];
      for (let i = start; i < Math.min(members, start + 500); i++) {
        const userId = await db.insert("users", { name: `Member ${i}`, email: `m${i}@bench.example` });
        await db.insert("profiles", {
          userId,
          name: `Member ${i}`,
          skills: [],
          timezone: "UTC",
          completeness: 40,
          updatedAt: now,
          shareLocationForSuggestions: false,
          notificationPreferences: {
            matchAlerts: { enabled: false },
            weeklyDigest: { enabled: true },
            timezone: "UTC",
          },
          privacy: { headline: true, location: false, skills: true, careerStage: true, email: false },
        });
        const attended = i % 4;
        created.push(
          await db.insert("orgMemberships", {
            orgId,
            userId,
            role: "member",
            joinedAt: now - (i % 500) * DAY,
            attendanceStats: {
              attendedVerified: attended,
              attendedSelfReported: i % 3,
              rsvped: attended + 1,
              noShows: i % 2,
              lastActivityAt: now - (i % 60) * DAY,
            },
          }),
        );
        for (const eventId of events.slice(0, attended)) {
          await db.insert("eventAttendance", {
            eventId,
            userId,
            rsvpStatus: "going",
            rsvpAt: now - 30 * DAY,
            state: "attended",
            attended: true,
          });
        }
      }
      return created;
    });
    memberships.push(...ids);
  }

  const run = async (label: string) => {
    const before = { ...stats };
    Object.assign(max, { documentsRead: 0, bytesRead: 0, documentsWritten: 0 });
    tracking = true;
    const { runId } = (await engine!.run(
      "mutation",
      "engagement/mutations:recomputeNow",
      { orgId },
      identityOf(adminId),
    )) as { runId: string };
    let doc: Record<string, Value> | null;
    for (;;) {
      doc = await engine!.runAsSystem(async (ctx) => (ctx.db as Db).get("engagementRuns", runId));
      if (doc?.status === "completed" || doc?.status === "failed") break;
      await new Promise((r) => setTimeout(r, 20));
    }
    tracking = false;
    console.log(
      JSON.stringify({
        bench: "engagement",
        members,
        run: label,
        llmRequests: stats.requests - before.requests,
        inputTokens: stats.inputTokens - before.inputTokens,
        outputTokens: stats.outputTokens - before.outputTokens,
        estimatedCostUsd: Number(doc!.estimatedCostUsd),
        estimatedBatchCostUsd: Number(doc!.estimatedCostUsd) / 2,
        sentToModel: doc!.sentToModel,
        carriedOver: doc!.carriedOver,
        fallbacks: doc!.fallbacks,
        maxDocumentsRead: max.documentsRead,
        maxBytesRead: max.bytesRead,
        maxDocumentsWritten: max.documentsWritten,
        naiveRequests: members,
      }),
    );
  };
  // A big org's first run costs more than the default $1 a month: lift the budget for the bench.
  await engine.run("mutation", "engagement/mutations:setBudget", { orgId, monthlyBudgetUsd: 100 }, identityOf(adminId));
  await run("first");
  // 10% of members attend one more event (by the counters).
  for (let start = 0; start < memberships.length; start += 1000) {
    await engine.runAsSystem(async (ctx) => {
      const db = ctx.db as Db;
      for (let i = start; i < Math.min(memberships.length, start + 1000); i += 10) {
        const m = (await db.get("orgMemberships", memberships[i]!))!;
        const s = m.attendanceStats as Record<string, number>;
        await db.patch("orgMemberships", memberships[i]!, {
          attendanceStats: { ...s, attendedVerified: s.attendedVerified! + 1 },
        });
      }
    });
  }
  await run("tenPercentChanged");
  engine.retire();
}

for (const members of SIZES) await measure(members);
process.exit(0);
