// Runs the jobs of convex/crons.ts on their schedules, in UTC like Convex.
import { Cron } from "croner";
import type { Value } from "convex/values";

type CronSchedule =
  | { type: "interval"; seconds?: number; minutes?: number; hours?: number }
  | { type: "hourly"; minuteUTC?: number }
  | { type: "daily"; hourUTC: number; minuteUTC?: number }
  | { type: "weekly"; dayOfWeek: number | string; hourUTC: number; minuteUTC?: number }
  | { type: "monthly"; day: number; hourUTC: number; minuteUTC?: number }
  | { type: "cron"; cron: string };

type CronSpec = { name: string; args: Value[]; schedule: CronSchedule };

const DAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

/** Convex's schedule objects as cron patterns (minute hour day month weekday), or seconds for intervals. */
export function toPattern(schedule: CronSchedule): { pattern: string } | { everySeconds: number } {
  switch (schedule.type) {
    case "interval":
      return { everySeconds: (schedule.seconds ?? 0) + (schedule.minutes ?? 0) * 60 + (schedule.hours ?? 0) * 3600 };
    case "hourly":
      return { pattern: `${schedule.minuteUTC ?? 0} * * * *` };
    case "daily":
      return { pattern: `${schedule.minuteUTC ?? 0} ${schedule.hourUTC} * * *` };
    case "weekly": {
      const day = typeof schedule.dayOfWeek === "number" ? schedule.dayOfWeek : DAYS.indexOf(schedule.dayOfWeek);
      return { pattern: `${schedule.minuteUTC ?? 0} ${schedule.hourUTC} * * ${day}` };
    }
    case "monthly":
      return { pattern: `${schedule.minuteUTC ?? 0} ${schedule.hourUTC} ${schedule.day} * *` };
    case "cron":
      return { pattern: schedule.cron };
  }
}

export class CronRunner {
  private jobs: { stop(): void }[] = [];
  private readonly run: (udfPath: string, args: Record<string, Value>) => Promise<unknown>;
  private readonly log: (line: string) => void;

  constructor(run: (udfPath: string, args: Record<string, Value>) => Promise<unknown>, log: (line: string) => void) {
    this.run = run;
    this.log = log;
  }

  /** (Re)starts every job of a crons module's default export. */
  start(cronsModule: unknown) {
    this.stop();
    const specs = (cronsModule as { crons?: Record<string, CronSpec> } | undefined)?.crons ?? {};
    for (const [identifier, spec] of Object.entries(specs)) {
      const fire = () =>
        this.run(spec.name, (spec.args[0] ?? {}) as Record<string, Value>).catch((error: unknown) =>
          this.log(`cron "${identifier}" failed: ${String(error)}`),
        );
      const schedule = toPattern(spec.schedule);
      if ("everySeconds" in schedule) {
        const timer = setInterval(() => void fire(), schedule.everySeconds * 1000);
        this.jobs.push({ stop: () => clearInterval(timer) });
      } else {
        // protect: a run still going when the next is due is skipped, as on Convex.
        this.jobs.push(new Cron(schedule.pattern, { timezone: "UTC", protect: true }, async () => void (await fire())));
      }
    }
  }

  stop() {
    for (const job of this.jobs) job.stop();
    this.jobs = [];
  }
}
