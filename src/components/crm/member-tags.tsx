// A member's tags with add and remove, for the member record page (and anywhere an admin sees one
// member). Reads the org's tags and the member's, live.
import { useQuery } from "@tanstack/react-query";
import { X } from "lucide-react";
import { useId } from "react";

import { Label } from "~/components/ui/label";
import { NativeSelect } from "~/components/ui/native-select";
import { expectedErrorMessage } from "~/lib/errors";
import type { Id } from "@convex/_generated/dataModel";
import { memberTagsQuery, tagsQuery, useAssignTagMutation, useUnassignTagMutation } from "./data";
import { TagChip } from "./tags-chip";

export function MemberTagEditor({ orgId, userId }: { orgId: Id<"organizations">; userId: Id<"users"> }) {
  const tags = useQuery(tagsQuery(orgId));
  const mine = useQuery(memberTagsQuery(orgId, userId));
  const assign = useAssignTagMutation();
  const unassign = useUnassignTagMutation();
  const selectId = useId();
  const byId = new Map((tags.data ?? []).map((tag) => [tag._id, tag]));
  const current = (mine.data ?? []).flatMap((id) => byId.get(id) ?? []);
  const available = (tags.data ?? []).filter((tag) => !(mine.data ?? []).includes(tag._id));
  const error = expectedErrorMessage(assign.error ?? unassign.error);

  return (
    <section aria-label="Tags" className="grid gap-2">
      <ul aria-label="Member tags" className="flex flex-wrap gap-1.5">
        {current.length === 0 ? <li className="text-muted-foreground text-sm">No tags yet.</li> : null}
        {current.map((tag) => (
          <li key={tag._id}>
            <TagChip tag={tag}>
              <button
                type="button"
                aria-label={`Remove tag ${tag.name}`}
                className="-mr-1 rounded-full p-0.5 hover:bg-black/10"
                disabled={unassign.isPending}
                onClick={() => unassign.mutate({ orgId, tagId: tag._id, userIds: [userId] })}
              >
                <X className="size-3" aria-hidden="true" />
              </button>
            </TagChip>
          </li>
        ))}
      </ul>
      {available.length > 0 ? (
        <div className="flex items-center gap-2">
          <Label htmlFor={selectId} className="text-xs">
            Add tag
          </Label>
          <NativeSelect
            id={selectId}
            value=""
            className="h-8 w-44"
            disabled={assign.isPending}
            onChange={(e) => {
              const tagId = e.target.value as Id<"orgTags">;
              if (tagId) assign.mutate({ orgId, tagId, userIds: [userId] });
            }}
          >
            <option value="">Choose a tag…</option>
            {available.map((tag) => (
              <option key={tag._id} value={tag._id}>
                {tag.name}
              </option>
            ))}
          </NativeSelect>
        </div>
      ) : null}
      {error ? (
        <p role="alert" className="text-destructive text-sm">
          {error}
        </p>
      ) : null}
    </section>
  );
}
