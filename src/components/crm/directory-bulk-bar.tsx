// Bulk tagging of the selected directory rows.
import { Loader2, X } from "lucide-react";
import { useState } from "react";

import { Button } from "~/components/ui/button";
import { Label } from "~/components/ui/label";
import { NativeSelect } from "~/components/ui/native-select";
import { expectedErrorMessage } from "~/lib/errors";
import { plural } from "~/lib/format";
import type { Id } from "@convex/_generated/dataModel";
import { CRM_LIMITS } from "@convex/lib/vocabulary";
import { useAssignTagMutation, useUnassignTagMutation } from "./data";
import type { Tag } from "./tags-chip";

export function DirectoryBulkBar({
  orgId,
  tags,
  selected,
  onClear,
}: {
  orgId: Id<"organizations">;
  tags: Tag[];
  selected: Id<"users">[];
  onClear: () => void;
}) {
  const [tagId, setTagId] = useState("");
  const assign = useAssignTagMutation();
  const unassign = useUnassignTagMutation();
  const [done, setDone] = useState<string | null>(null);
  const busy = assign.isPending || unassign.isPending;
  const tooMany = selected.length > CRM_LIMITS.bulkTagMembers;
  const error = tooMany
    ? `Tag at most ${CRM_LIMITS.bulkTagMembers} members at a time.`
    : expectedErrorMessage(assign.error ?? unassign.error);
  const tagName = tags.find((tag) => tag._id === tagId)?.name ?? "";

  function run(action: typeof assign, verb: string) {
    (action === assign ? unassign : assign).reset();
    setDone(null);
    action.mutate(
      { orgId, tagId: tagId as Id<"orgTags">, userIds: selected },
      { onSuccess: (count) => setDone(`${verb} “${tagName}”: ${plural(count, "member")}.`) },
    );
  }

  return (
    <div
      role="region"
      aria-label="Bulk actions"
      className="bg-muted/60 flex flex-wrap items-end gap-3 rounded-xl border px-3 py-2"
    >
      <p className="self-center text-sm font-medium">{plural(selected.length, "member")} selected</p>
      {tags.length === 0 ? (
        <p className="text-muted-foreground self-center text-sm">Create a tag first (Manage tags).</p>
      ) : (
        <>
          <div className="grid gap-1">
            <Label htmlFor="bulk-tag" className="text-xs">
              Tag
            </Label>
            <NativeSelect id="bulk-tag" className="w-44" value={tagId} onChange={(e) => setTagId(e.target.value)}>
              <option value="">Choose a tag…</option>
              {tags.map((tag) => (
                <option key={tag._id} value={tag._id}>
                  {tag.name}
                </option>
              ))}
            </NativeSelect>
          </div>
          <Button size="sm" disabled={!tagId || busy || tooMany} onClick={() => run(assign, "Tagged")}>
            {assign.isPending ? <Loader2 className="animate-spin" aria-hidden="true" /> : null}
            Add tag
          </Button>
          <Button
            size="sm"
            variant="outline"
            disabled={!tagId || busy || tooMany}
            onClick={() => run(unassign, "Removed")}
          >
            {unassign.isPending ? <Loader2 className="animate-spin" aria-hidden="true" /> : null}
            Remove tag
          </Button>
        </>
      )}
      <Button size="sm" variant="ghost" onClick={onClear} className="ml-auto">
        <X aria-hidden="true" />
        Clear selection
      </Button>
      {error ? (
        <p role="alert" className="text-destructive basis-full text-sm">
          {error}
        </p>
      ) : done ? (
        <p role="status" className="text-muted-foreground basis-full text-sm">
          {done}
        </p>
      ) : null}
    </div>
  );
}
