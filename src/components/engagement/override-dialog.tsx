import { useState } from "react";

import { Field } from "~/components/forms/field";
import { FormAlert, SubmitButton } from "~/components/forms/form-parts";
import { useFormSubmit } from "~/components/forms/use-form-errors";
import { Button } from "~/components/ui/button";
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "~/components/ui/dialog";
import { NativeSelect } from "~/components/ui/native-select";
import { Textarea } from "~/components/ui/textarea";
import { cn } from "~/lib/utils";
import type { Id } from "@convex/_generated/dataModel";
import type { EngagementLevel } from "@convex/lib/vocabulary";
import { useSetOverrideMutation, type MemberEngagement } from "./data";
import { ENGAGEMENT_LEVEL_LABELS, ENGAGEMENT_LEVELS, ENGAGEMENT_LIMITS } from "./labels";
import { LevelBadge } from "./level-badge";

const FIELDS = ["level", "reason"] as const;

/** Sets (or changes) a member's level by hand, with the reason the history keeps. */
export function OverrideDialog({
  orgId,
  member,
  onOpenChange,
}: {
  orgId: Id<"organizations">;
  member: MemberEngagement | null;
  onOpenChange: (open: boolean) => void;
}) {
  return (
    <Dialog open={member !== null} onOpenChange={onOpenChange}>
      <DialogContent className="sm:max-w-md">
        {member ? (
          <OverrideForm key={member.userId} orgId={orgId} member={member} onDone={() => onOpenChange(false)} />
        ) : null}
      </DialogContent>
    </Dialog>
  );
}

function OverrideForm({
  orgId,
  member,
  onDone,
}: {
  orgId: Id<"organizations">;
  member: MemberEngagement;
  onDone: () => void;
}) {
  const [level, setLevel] = useState<EngagementLevel>(member.override?.level ?? member.computedLevel);
  const [reason, setReason] = useState(member.override?.reason ?? "");
  const setOverride = useSetOverrideMutation();
  const { errors, formError, busy, run, check, clear } = useFormSubmit(FIELDS);
  const max = ENGAGEMENT_LIMITS.overrideReason;
  const length = reason.trim().length;

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const text = reason.trim();
    const invalid = check(
      {
        reason:
          text === ""
            ? "Say why you are setting this level."
            : text.length > max
              ? `Keep the reason to ${max} characters or fewer.`
              : undefined,
      },
      form,
    );
    if (invalid) return;
    await run(form, async () => {
      await setOverride.mutateAsync({ orgId, userId: member.userId, level, reason: text });
      onDone();
    });
  }

  return (
    <form aria-label="Engagement override" noValidate onSubmit={onSubmit} className="grid gap-4">
      <DialogHeader>
        <DialogTitle>{member.override ? "Change the override" : "Override the level"}</DialogTitle>
        <DialogDescription>
          The level you set wins everywhere and survives recomputes; {member.name}'s computed score keeps updating
          beside it.
        </DialogDescription>
      </DialogHeader>
      <div className="bg-muted/50 flex flex-wrap items-center gap-2 rounded-md px-3 py-2 text-sm">
        <span className="text-muted-foreground">Computed:</span>
        <LevelBadge level={member.computedLevel} />
        <span className="tabular-nums">score {member.score}</span>
      </div>
      <FormAlert message={formError} />
      <Field label="Level" error={errors.level}>
        {(props) => (
          <NativeSelect
            {...props}
            name="level"
            value={level}
            onChange={(e) => {
              setLevel(e.target.value as EngagementLevel);
              clear("level");
            }}
          >
            {ENGAGEMENT_LEVELS.map((l) => (
              <option key={l} value={l}>
                {ENGAGEMENT_LEVEL_LABELS[l]}
              </option>
            ))}
          </NativeSelect>
        )}
      </Field>
      <Field
        label="Reason"
        error={errors.reason}
        hint={
          <span className={cn("tabular-nums", length > max && "text-destructive")}>
            {length}/{max} · kept in the member's history, seen by admins only
          </span>
        }
      >
        {(props) => (
          <Textarea
            {...props}
            name="reason"
            rows={3}
            value={reason}
            placeholder="e.g. Runs our reading group, though rarely checks in at the door"
            onChange={(e) => {
              setReason(e.target.value);
              clear("reason");
            }}
          />
        )}
      </Field>
      <DialogFooter>
        <DialogClose asChild>
          <Button type="button" variant="outline">
            Cancel
          </Button>
        </DialogClose>
        <SubmitButton busy={busy}>Save override</SubmitButton>
      </DialogFooter>
    </form>
  );
}
