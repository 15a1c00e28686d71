// "Export CSV": starts a (rate-limited) export of the filtered directory, reads it in chunks of
// 500 with a progress bar, writes the file with papaparse (loaded only now) and downloads it.
import { useConvex } from "convex/react";
import type { FunctionReturnType } from "convex/server";
import { Download, Loader2 } from "lucide-react";
import { useState } from "react";

import { Button } from "~/components/ui/button";
import { Progress } from "~/components/ui/progress";
import { toFormError } from "~/lib/errors";
import { plural } from "~/lib/format";
import type { Id } from "@convex/_generated/dataModel";
import type { DirectoryFilters } from "@convex/crm/directoryPlan";
import { exportChunkQuery, useStartExportMutation } from "./data";
import type { ExportRow } from "./export-csv";

type State = { phase: "idle" } | { phase: "running"; done: number; total: number } | { phase: "done"; rows: number };

function download(text: string, fileName: string) {
  const url = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function ExportButton({
  orgId,
  slug,
  filters,
}: {
  orgId: Id<"organizations">;
  slug: string;
  filters: DirectoryFilters;
}) {
  const convex = useConvex();
  const start = useStartExportMutation();
  const [state, setState] = useState<State>({ phase: "idle" });
  const [error, setError] = useState<string | null>(null);

  async function run() {
    setError(null);
    try {
      const [{ exportId, memberCount }, { toCsv }, Papa] = await Promise.all([
        start.mutateAsync({ orgId, filters }),
        import("./export-csv"),
        import("papaparse"),
      ]);
      const rows: ExportRow[] = [];
      let cursor: string | null = null;
      setState({ phase: "running", done: 0, total: memberCount });
      for (;;) {
        const chunk: FunctionReturnType<typeof exportChunkQuery> = await convex.query(exportChunkQuery, {
          orgId,
          exportId,
          filters,
          cursor,
        });
        rows.push(...chunk.rows);
        setState({ phase: "running", done: rows.length, total: Math.max(memberCount, rows.length) });
        if (chunk.isDone) break;
        cursor = chunk.continueCursor;
      }
      download(toCsv(Papa.unparse, rows), `${slug}-members-${new Date().toISOString().slice(0, 10)}.csv`);
      setState({ phase: "done", rows: rows.length });
    } catch (e) {
      setError(toFormError(e).message);
      setState({ phase: "idle" });
    }
  }

  const running = state.phase === "running";
  return (
    <div className="grid gap-1.5">
      <Button variant="outline" onClick={run} disabled={running || start.isPending}>
        {running ? <Loader2 className="animate-spin" aria-hidden="true" /> : <Download aria-hidden="true" />}
        Export CSV
      </Button>
      {running ? (
        <div role="status" className="grid w-48 gap-1">
          <Progress value={(state.done / Math.max(1, state.total)) * 100} aria-label="Export progress" />
          <span className="text-muted-foreground text-xs">
            {state.done.toLocaleString()} of up to {state.total.toLocaleString()} members
          </span>
        </div>
      ) : null}
      {state.phase === "done" ? (
        <p role="status" className="text-muted-foreground text-xs">
          Exported {plural(state.rows, "member")}.
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="text-destructive max-w-56 text-xs">
          {error}
        </p>
      ) : null}
    </div>
  );
}
