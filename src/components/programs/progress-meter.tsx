import { Progress } from "~/components/ui/progress";
import type { Progress as ProgressData } from "./data";
import { progressText } from "./format";

/** "5 of 8" with a bar; the mark on the bar is what completion takes. */
export function ProgressMeter({ progress, label }: { progress: ProgressData; label: string }) {
  const pct = progress.total === 0 ? 0 : (progress.attended / progress.total) * 100;
  return (
    <div className="grid gap-1.5">
      <div className="flex items-baseline justify-between gap-2 text-sm">
        <span className="font-medium">{label}</span>
        <span className="tabular-nums" data-testid="program-progress">
          {progressText(progress)}
        </span>
      </div>
      <Progress value={pct} aria-label={`${label}: ${progressText(progress)} sessions attended`} />
    </div>
  );
}
