// The attendance-by-program chart: each program's average attendance rate and completion share.
// Loaded lazily by the stats page (recharts never reaches the app shell).
import { Bar, BarChart, CartesianGrid, XAxis, YAxis } from "recharts";

import {
  ChartContainer,
  ChartLegend,
  ChartLegendContent,
  ChartTooltip,
  ChartTooltipContent,
  type ChartConfig,
} from "~/components/ui/chart";
import { ChartCard } from "./stats-charts";
import { type ProgramStats } from "./stats-programs";

const config = {
  attendance: { label: "Avg. attendance %", color: "var(--chart-1)" },
  completed: { label: "Completed %", color: "var(--chart-3)" },
} satisfies ChartConfig;

const pct = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 100));

export default function StatsProgramsChart({ stats }: { stats: ProgramStats }) {
  const data = stats.programs.map((p) => ({
    name: p.name.length > 24 ? `${p.name.slice(0, 23)}…` : p.name,
    attendance: p.attendanceRate === null ? 0 : Math.round(p.attendanceRate * 100),
    completed: pct(p.completions, p.participants),
  }));
  const held = stats.programs.filter((p) => p.sessionsHeld > 0).length;
  return (
    <ChartCard
      title="Attendance and completion by program"
      summary={`Average attendance per session and share of the cohort completed, ${held} of ${stats.programs.length} with sessions held`}
      empty={held === 0 ? "No program session has been held in this range yet." : undefined}
    >
      <ChartContainer config={config} className="aspect-auto w-full" style={{ height: 80 + data.length * 48 }}>
        <BarChart data={data} layout="vertical" margin={{ left: 8, right: 12 }}>
          <CartesianGrid horizontal={false} />
          <XAxis type="number" domain={[0, 100]} unit="%" tickLine={false} axisLine={false} />
          <YAxis type="category" dataKey="name" width={124} tickLine={false} axisLine={false} />
          <ChartTooltip content={<ChartTooltipContent />} />
          <ChartLegend content={<ChartLegendContent />} />
          <Bar dataKey="attendance" fill="var(--color-attendance)" radius={4} />
          <Bar dataKey="completed" fill="var(--color-completed)" radius={4} />
        </BarChart>
      </ChartContainer>
    </ChartCard>
  );
}
