// The community-stats charts (recharts through the shadcn chart primitives). Loaded lazily by
// the stats page, so recharts never reaches the app shell or other pages.
import { format } from "date-fns";
import type { ReactNode } from "react";
import { Bar, BarChart, CartesianGrid, ComposedChart, Line, XAxis, YAxis } from "recharts";

import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "~/components/ui/card";
import {
  ChartContainer,
  ChartLegend,
  ChartLegendContent,
  ChartTooltip,
  ChartTooltipContent,
  type ChartConfig,
} from "~/components/ui/chart";
import { plural } from "~/lib/format";
import { ENGAGEMENT_LEVEL_LABELS, ENGAGEMENT_LEVELS } from "@convex/lib/vocabulary";
import type { CommunityStats } from "./stats-figures";

const membersConfig = {
  joins: { label: "Joined", color: "var(--chart-1)" },
  leaves: { label: "Left", color: "var(--chart-4)" },
  members: { label: "Members", color: "var(--chart-2)" },
} satisfies ChartConfig;

const eventsConfig = { events: { label: "Events", color: "var(--chart-1)" } } satisfies ChartConfig;

const attendeesConfig = {
  newAttendees: { label: "New", color: "var(--chart-3)" },
  returningAttendees: { label: "Returning", color: "var(--chart-1)" },
} satisfies ChartConfig;

const levelsConfig = { count: { label: "Members", color: "var(--chart-2)" } } satisfies ChartConfig;

export function ChartCard({
  title,
  summary,
  children,
  empty,
}: {
  title: string;
  summary: string;
  children: ReactNode;
  empty?: string;
}) {
  return (
    <Card className="min-w-0">
      <CardHeader>
        <CardTitle>
          <h3>{title}</h3>
        </CardTitle>
        <CardDescription>{summary}</CardDescription>
      </CardHeader>
      <CardContent>
        {empty ? (
          <p className="text-muted-foreground flex h-48 items-center justify-center rounded-lg border border-dashed text-sm">
            {empty}
          </p>
        ) : (
          <figure aria-label={`${title}: ${summary}`}>{children}</figure>
        )}
      </CardContent>
    </Card>
  );
}

/** The UTC calendar day `ms` starts, as a local date (weeks are counted in UTC days). */
const utcDay = (ms: number) => new Date(ms + new Date(ms).getTimezoneOffset() * 60_000);

export default function StatsCharts({ stats }: { stats: CommunityStats }) {
  const weeks = stats.weeks.map((w) => ({ ...w, label: format(utcDay(w.weekStart), "MMM d") }));
  const months = stats.months.map((m) => {
    const [year, month] = m.month.split("-").map(Number);
    return { ...m, label: format(new Date(year!, month! - 1, 1), "MMM ''yy") };
  });
  const perEvent = stats.perEvent.map((e) => ({ ...e, label: format(e.startTime, "MMM d") }));
  const levels = ENGAGEMENT_LEVELS.map((level) => ({
    level: ENGAGEMENT_LEVEL_LABELS[level],
    count: stats.levels[level],
  }));
  const scored = levels.reduce((s, l) => s + l.count, 0);
  const newTotal = stats.perEvent.reduce((s, e) => s + e.newAttendees, 0);
  const returningTotal = stats.perEvent.reduce((s, e) => s + e.returningAttendees, 0);

  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <ChartCard title="Members over time" summary={`${stats.joins} joined and ${stats.leaves} left, per week`}>
        <ChartContainer config={membersConfig} className="aspect-auto h-64 w-full">
          <ComposedChart data={weeks} margin={{ left: -16, right: 4 }}>
            <CartesianGrid vertical={false} />
            <XAxis dataKey="label" tickLine={false} axisLine={false} minTickGap={16} />
            <YAxis yAxisId="change" allowDecimals={false} tickLine={false} axisLine={false} />
            <YAxis yAxisId="total" orientation="right" allowDecimals={false} tickLine={false} axisLine={false} />
            <ChartTooltip content={<ChartTooltipContent />} />
            <ChartLegend content={<ChartLegendContent />} />
            <Bar yAxisId="change" dataKey="joins" fill="var(--color-joins)" radius={3} />
            <Bar yAxisId="change" dataKey="leaves" fill="var(--color-leaves)" radius={3} />
            <Line yAxisId="total" dataKey="members" stroke="var(--color-members)" strokeWidth={2} dot={false} />
          </ComposedChart>
        </ChartContainer>
      </ChartCard>

      <ChartCard
        title="Events per month"
        summary={`${plural(stats.events, "event")} held`}
        empty={stats.events === 0 ? "No events in this range." : undefined}
      >
        <ChartContainer config={eventsConfig} className="aspect-auto h-64 w-full">
          <BarChart data={months} margin={{ left: -16, right: 4 }}>
            <CartesianGrid vertical={false} />
            <XAxis dataKey="label" tickLine={false} axisLine={false} />
            <YAxis allowDecimals={false} tickLine={false} axisLine={false} />
            <ChartTooltip content={<ChartTooltipContent />} />
            <Bar dataKey="events" fill="var(--color-events)" radius={4} />
          </BarChart>
        </ChartContainer>
      </ChartCard>

      <ChartCard
        title="New and returning attendees"
        summary={`${newTotal} new and ${returningTotal} returning, per event`}
        empty={stats.events === 0 ? "No events in this range." : undefined}
      >
        <ChartContainer config={attendeesConfig} className="aspect-auto h-64 w-full">
          <BarChart data={perEvent} margin={{ left: -16, right: 4 }}>
            <CartesianGrid vertical={false} />
            <XAxis dataKey="label" tickLine={false} axisLine={false} minTickGap={8} />
            <YAxis allowDecimals={false} tickLine={false} axisLine={false} />
            <ChartTooltip
              content={
                <ChartTooltipContent labelFormatter={(_label, payload) => String(payload[0]?.payload?.title ?? "")} />
              }
            />
            <ChartLegend content={<ChartLegendContent />} />
            <Bar dataKey="newAttendees" stackId="a" fill="var(--color-newAttendees)" />
            <Bar
              dataKey="returningAttendees"
              stackId="a"
              fill="var(--color-returningAttendees)"
              radius={[4, 4, 0, 0]}
            />
          </BarChart>
        </ChartContainer>
      </ChartCard>

      <ChartCard
        title="Engagement levels"
        summary={`${plural(scored, "member")} scored`}
        empty={scored === 0 ? "No one is scored yet." : undefined}
      >
        <ChartContainer config={levelsConfig} className="aspect-auto h-64 w-full">
          <BarChart data={levels} layout="vertical" margin={{ left: 8, right: 12 }}>
            <CartesianGrid horizontal={false} />
            <XAxis type="number" allowDecimals={false} tickLine={false} axisLine={false} />
            <YAxis type="category" dataKey="level" width={120} tickLine={false} axisLine={false} />
            <ChartTooltip content={<ChartTooltipContent hideLabel />} />
            <Bar dataKey="count" fill="var(--color-count)" radius={4} />
          </BarChart>
        </ChartContainer>
      </ChartCard>
    </div>
  );
}
