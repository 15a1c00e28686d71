// The org's tags, for admins: create, rename, recolour and delete (in a dialog from the directory).
import { useQuery } from "@tanstack/react-query";
import { Loader2, Tags, Trash2 } from "lucide-react";
import { useState } from "react";

import { ConfirmDialog } from "~/components/common/confirm-dialog";
import { Button } from "~/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "~/components/ui/dialog";
import { Input } from "~/components/ui/input";
import { Label } from "~/components/ui/label";
import { toFormError } from "~/lib/errors";
import { cn } from "~/lib/utils";
import type { Id } from "@convex/_generated/dataModel";
import { CRM_LIMITS, TAG_COLORS, type TagColor } from "@convex/lib/vocabulary";
import { tagsQuery, useCreateTagMutation, useDeleteTagMutation, useUpdateTagMutation } from "./data";
import type { Tag } from "./tags-chip";
import { TAG_SWATCH } from "./tags-colors";

function ColorPicker({ value, onChange, label }: { value: TagColor; onChange: (c: TagColor) => void; label: string }) {
  return (
    <div role="radiogroup" aria-label={label} className="flex flex-wrap gap-1.5">
      {TAG_COLORS.map((color) => (
        <button
          key={color}
          type="button"
          role="radio"
          aria-checked={value === color}
          aria-label={color}
          onClick={() => onChange(color)}
          className={cn(
            "size-6 rounded-full border-2 border-transparent outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50",
            TAG_SWATCH[color],
            value === color && "border-foreground",
          )}
        />
      ))}
    </div>
  );
}

function TagRow({ orgId, tag }: { orgId: Id<"organizations">; tag: Tag }) {
  const update = useUpdateTagMutation();
  const remove = useDeleteTagMutation();
  const [name, setName] = useState(tag.name);
  const [deleting, setDeleting] = useState(false);
  const error = update.error ? toFormError(update.error).message : undefined;
  const tagId = tag._id as Id<"orgTags">;
  return (
    <li className="grid gap-2 py-3">
      <div className="flex items-center gap-2">
        <Input
          aria-label={`Name of tag ${tag.name}`}
          value={name}
          maxLength={CRM_LIMITS.tagName}
          onChange={(e) => setName(e.target.value)}
          onBlur={() => name.trim() !== tag.name && update.mutate({ orgId, tagId, name })}
          className="h-8"
        />
        <Button
          size="icon"
          variant="ghost"
          aria-label={`Delete tag ${tag.name}`}
          onClick={() => setDeleting(true)}
          className="text-destructive shrink-0"
        >
          <Trash2 aria-hidden="true" />
        </Button>
      </div>
      <ColorPicker
        label={`Colour of tag ${tag.name}`}
        value={tag.color}
        onChange={(color) => update.mutate({ orgId, tagId, color })}
      />
      {error ? (
        <p role="alert" className="text-destructive text-sm">
          {error}
        </p>
      ) : null}
      <ConfirmDialog
        open={deleting}
        onOpenChange={setDeleting}
        title={`Delete the tag “${tag.name}”?`}
        description="It is taken off every member who has it. This cannot be undone."
        confirmLabel="Delete tag"
        onConfirm={async () => {
          await remove.mutateAsync({ orgId, tagId });
        }}
      />
    </li>
  );
}

export function TagsManager({ orgId }: { orgId: Id<"organizations"> }) {
  const tags = useQuery(tagsQuery(orgId));
  const create = useCreateTagMutation();
  const [name, setName] = useState("");
  const [color, setColor] = useState<TagColor>("blue");
  const error = create.error ? toFormError(create.error) : undefined;
  return (
    <Dialog onOpenChange={() => create.reset()}>
      <DialogTrigger asChild>
        <Button variant="outline">
          <Tags aria-hidden="true" />
          Manage tags
        </Button>
      </DialogTrigger>
      <DialogContent className="max-h-[90vh] overflow-y-auto">
        <DialogHeader>
          <DialogTitle>Tags</DialogTitle>
          <DialogDescription>Your organization’s own labels for members. Only admins see them.</DialogDescription>
        </DialogHeader>
        <form
          className="grid gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            create.mutate({ orgId, name, color }, { onSuccess: () => setName("") });
          }}
        >
          <Label htmlFor="new-tag-name">New tag</Label>
          <div className="flex gap-2">
            <Input
              id="new-tag-name"
              value={name}
              maxLength={CRM_LIMITS.tagName}
              onChange={(e) => setName(e.target.value)}
              aria-invalid={error?.field === "name" || undefined}
              aria-describedby={error ? "new-tag-error" : undefined}
              placeholder="e.g. Volunteer"
            />
            <Button type="submit" disabled={create.isPending}>
              {create.isPending ? <Loader2 className="animate-spin" aria-hidden="true" /> : null}
              Add
            </Button>
          </div>
          <ColorPicker label="Colour of the new tag" value={color} onChange={setColor} />
          {error ? (
            <p id="new-tag-error" role="alert" className="text-destructive text-sm">
              {error.message}
            </p>
          ) : null}
        </form>
        {tags.data && tags.data.length > 0 ? (
          <ul aria-label="Tags" className="divide-y">
            {tags.data.map((tag) => (
              <TagRow key={`${tag._id}:${tag.name}`} orgId={orgId} tag={tag} />
            ))}
          </ul>
        ) : (
          <p className="text-muted-foreground text-sm">No tags yet.</p>
        )}
      </DialogContent>
    </Dialog>
  );
}
