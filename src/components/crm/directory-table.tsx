// The directory's rows: a table on wide screens, cards on a phone. Rows can be selected for bulk
// tagging; names link to the member record.
import { Badge } from "~/components/ui/badge";
import { Checkbox } from "~/components/ui/checkbox";
import { Skeleton } from "~/components/ui/skeleton";
import { formatDay } from "~/lib/time";
import type { Id } from "@convex/_generated/dataModel";
import { ENGAGEMENT_LEVEL_LABELS } from "@convex/lib/vocabulary";
import { DirectoryRowMenu, MemberRecordLink } from "./directory-row-menu";
import type { DirectoryRow } from "./directory-types";
import { type Tag, TagChip } from "./tags-chip";

type Props = {
  org: { _id: Id<"organizations">; slug: string; name: string };
  rows: DirectoryRow[];
  tags: Map<string, Tag>;
  viewerId: Id<"users"> | undefined;
  selected: Set<Id<"users">>;
  onToggle: (userId: Id<"users">) => void;
  onToggleAll: () => void;
};

function Level({ level }: { level: DirectoryRow["level"] }) {
  if (level === undefined) return <span className="text-muted-foreground text-xs">Not scored</span>;
  return (
    <Badge variant={level === "highly_engaged" || level === "engaged" ? "default" : "muted"}>
      {ENGAGEMENT_LEVEL_LABELS[level]}
    </Badge>
  );
}

function Tags({ row, tags }: { row: DirectoryRow; tags: Map<string, Tag> }) {
  const shown = row.tagIds.flatMap((id) => tags.get(id) ?? []);
  if (shown.length === 0) return null;
  return (
    <ul aria-label={`Tags of ${row.name}`} className="flex flex-wrap gap-1">
      {shown.map((tag) => (
        <li key={tag._id}>
          <TagChip tag={tag} />
        </li>
      ))}
    </ul>
  );
}

const lastAttended = (row: DirectoryRow) =>
  row.lastAttendedAt === undefined ? "Never" : formatDay(row.lastAttendedAt);

export function DirectoryTable({ org, rows, tags, viewerId, selected, onToggle, onToggleAll }: Props) {
  const allSelected = rows.length > 0 && rows.every((row) => selected.has(row.userId));
  const nameLink = "font-medium underline-offset-4 hover:text-primary hover:underline";
  return (
    <>
      <div className="bg-card hidden overflow-x-auto rounded-xl border shadow-sm md:block">
        <table className="w-full min-w-[48rem] text-sm" aria-label="Member directory">
          <thead className="text-muted-foreground border-b text-left text-xs">
            <tr>
              <th scope="col" className="w-10 px-3 py-2">
                <Checkbox aria-label="Select all shown" checked={allSelected} onChange={onToggleAll} />
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Name
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Level
              </th>
              <th scope="col" className="px-3 py-2 text-right font-medium">
                Events attended
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Last attended
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Joined
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                Tags
              </th>
              <th scope="col" className="w-12 px-3 py-2">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y">
            {rows.map((row) => (
              <tr key={row.userId} className={selected.has(row.userId) ? "bg-muted/50" : undefined}>
                <td className="px-3 py-2">
                  <Checkbox
                    aria-label={`Select ${row.name}`}
                    checked={selected.has(row.userId)}
                    onChange={() => onToggle(row.userId)}
                  />
                </td>
                <td className="px-3 py-2">
                  <MemberRecordLink slug={org.slug} userId={row.userId} className={nameLink}>
                    {row.name}
                  </MemberRecordLink>
                  {row.role === "admin" ? <Badge className="ml-2">Admin</Badge> : null}
                  {row.userId === viewerId ? <span className="text-muted-foreground ml-1 text-xs">(you)</span> : null}
                </td>
                <td className="px-3 py-2">
                  <Level level={row.level} />
                </td>
                <td className="px-3 py-2 text-right tabular-nums">{row.eventsAttended}</td>
                <td className="px-3 py-2 whitespace-nowrap">{lastAttended(row)}</td>
                <td className="px-3 py-2 whitespace-nowrap">{formatDay(row.joinedAt)}</td>
                <td className="px-3 py-2">
                  <Tags row={row} tags={tags} />
                </td>
                <td className="px-3 py-2">
                  <DirectoryRowMenu org={org} row={row} isSelf={row.userId === viewerId} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <ul aria-label="Member directory" className="grid gap-2 md:hidden">
        {rows.map((row) => (
          <li key={row.userId} aria-label={row.name} className="bg-card flex gap-3 rounded-xl border p-3 shadow-sm">
            <Checkbox
              className="mt-1"
              aria-label={`Select ${row.name}`}
              checked={selected.has(row.userId)}
              onChange={() => onToggle(row.userId)}
            />
            <div className="grid min-w-0 flex-1 gap-1.5">
              <div className="flex min-w-0 flex-wrap items-center gap-2">
                <MemberRecordLink slug={org.slug} userId={row.userId} className={`${nameLink} max-w-full truncate`}>
                  {row.name}
                </MemberRecordLink>
                {row.role === "admin" ? <Badge>Admin</Badge> : null}
                <Level level={row.level} />
              </div>
              <p className="text-muted-foreground text-xs">
                {row.eventsAttended} events · last attended{" "}
                {row.lastAttendedAt === undefined ? "never" : formatDay(row.lastAttendedAt)} · joined{" "}
                {formatDay(row.joinedAt)}
              </p>
              <Tags row={row} tags={tags} />
            </div>
            <DirectoryRowMenu org={org} row={row} isSelf={row.userId === viewerId} />
          </li>
        ))}
      </ul>
    </>
  );
}

export function DirectorySkeleton() {
  return (
    <div role="status" aria-busy="true" className="grid gap-2 rounded-xl border p-3">
      <span className="sr-only">Loading members…</span>
      {Array.from({ length: 8 }, (_, i) => (
        <div key={i} className="flex items-center gap-3 py-1">
          <Skeleton className="size-4" />
          <Skeleton className="h-4 w-40" />
          <Skeleton className="ml-auto h-4 w-24" />
          <Skeleton className="hidden h-4 w-20 sm:block" />
        </div>
      ))}
    </div>
  );
}
