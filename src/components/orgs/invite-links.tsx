import { Check, Copy, Link2, Loader2, RefreshCw } from "lucide-react";
import { useEffect, useState, type FormEvent } from "react";

import { ConfirmDialog } from "~/components/common/confirm-dialog";
import { EmptyState } from "~/components/common/empty-state";
import { LoadMore } from "~/components/common/load-more";
import { Field } from "~/components/forms/field";
import { useFormSubmit } from "~/components/forms/use-form-errors";
import type { InviteRow } from "~/components/orgs/types";
import { Alert, AlertDescription } from "~/components/ui/alert";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Input } from "~/components/ui/input";
import { Skeleton } from "~/components/ui/skeleton";
import { expectedErrorMessage } from "~/lib/errors";
import { plural } from "~/lib/format";
import { formatRelative } from "~/lib/format-date";
import { formatDay } from "~/lib/time";
import { cn } from "~/lib/utils";
import type { Id } from "@convex/_generated/dataModel";
import { useCreateInviteMutation, useInvites, useRegenerateInviteMutation, useRevokeInviteMutation } from "./data";

const DAY_MS = 24 * 60 * 60 * 1000;
const PAGE_SIZE = 10;

export function inviteUrl(token: string): string {
  return `${window.location.origin}/join/${token}`;
}

const STATUS: Record<InviteRow["status"], { label: string; variant: "success" | "muted" | "destructive" }> = {
  valid: { label: "Active", variant: "success" },
  expired: { label: "Expired", variant: "muted" },
  revoked: { label: "Revoked", variant: "destructive" },
  used_up: { label: "Used up", variant: "muted" },
};

/** Admins create shareable invite links, copy them, and revoke or regenerate them. */
export function InviteLinks({ orgId }: { orgId: Id<"organizations"> }) {
  const { results, status, loadMore } = useInvites(orgId, PAGE_SIZE);
  const [confirm, setConfirm] = useState<{ kind: "revoke" | "regenerate"; invite: InviteRow } | null>(null);
  const revoke = useRevokeInviteMutation();
  const regenerate = useRegenerateInviteMutation();
  // An expired or used-up link is regenerated without asking; a failure is explained on its row.
  const regenerateNow = useRegenerateInviteMutation();
  const rowError = regenerateNow.error
    ? { id: regenerateNow.variables?.inviteId, message: expectedErrorMessage(regenerateNow.error) }
    : null;

  return (
    <div className="grid gap-6">
      <CreateInviteForm orgId={orgId} />
      <div>
        <h3 className="mb-3 text-sm font-semibold">Your links</h3>
        {status === "LoadingFirstPage" ? (
          <div role="status" className="space-y-3">
            <span className="sr-only">Loading invite links…</span>
            <Skeleton className="h-24" />
            <Skeleton className="h-24" />
          </div>
        ) : results.length === 0 ? (
          <EmptyState icon={Link2} title="No invite links yet">
            Create a link above and share it in your group chat, newsletter or event page.
          </EmptyState>
        ) : (
          <ul aria-label="Invite links" className="grid gap-3">
            {results.map((invite) => (
              <InviteItem
                key={invite._id}
                invite={invite}
                error={rowError?.id === invite._id ? rowError.message : undefined}
                onRevoke={() => setConfirm({ kind: "revoke", invite })}
                onRegenerate={() =>
                  invite.status === "valid"
                    ? setConfirm({ kind: "regenerate", invite })
                    : regenerateNow.mutate({ orgId, inviteId: invite._id })
                }
              />
            ))}
          </ul>
        )}
        <LoadMore status={status} onLoadMore={() => loadMore(PAGE_SIZE)} label="Load more links" />
      </div>

      <ConfirmDialog
        open={confirm?.kind === "revoke"}
        onOpenChange={(open) => !open && setConfirm(null)}
        title="Revoke this invite link?"
        description="Anyone who opens it will see that it no longer works. People who already joined stay members."
        confirmLabel="Revoke link"
        onConfirm={async () => {
          if (confirm) await revoke.mutateAsync({ orgId, inviteId: confirm.invite._id });
        }}
      />
      <ConfirmDialog
        open={confirm?.kind === "regenerate"}
        onOpenChange={(open) => !open && setConfirm(null)}
        title="Replace this link with a new one?"
        description="The current link stops working. The new link keeps the same use limit and lifetime."
        confirmLabel="Regenerate link"
        destructive={false}
        onConfirm={async () => {
          if (confirm) await regenerate.mutateAsync({ orgId, inviteId: confirm.invite._id });
        }}
      />
    </div>
  );
}

const CREATE_FIELDS = ["expiresAt", "maxUses"] as const;

function CreateInviteForm({ orgId }: { orgId: Id<"organizations"> }) {
  const createInvite = useCreateInviteMutation();
  const [days, setDays] = useState("");
  const [maxUses, setMaxUses] = useState("");
  const {
    errors,
    formError,
    check,
    clear,
    busy,
    saved: created,
    setSaved: setCreated,
    run,
  } = useFormSubmit(CREATE_FIELDS);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    setCreated(false);
    const d = days.trim() === "" ? undefined : Number(days);
    const m = maxUses.trim() === "" ? undefined : Number(maxUses);
    const invalid = check(
      {
        expiresAt:
          d !== undefined && !(Number.isInteger(d) && d >= 1 && d <= 365)
            ? "Enter a whole number of days from 1 to 365, or leave it empty."
            : undefined,
        maxUses:
          m !== undefined && !(Number.isInteger(m) && m >= 1 && m <= 10000)
            ? "Enter a whole number from 1 to 10,000, or leave it empty."
            : undefined,
      },
      form,
    );
    if (invalid) return;
    await run(form, async () => {
      await createInvite.mutateAsync({
        orgId,
        expiresAt: d === undefined ? undefined : Date.now() + d * DAY_MS,
        maxUses: m,
      });
      setDays("");
      setMaxUses("");
    });
  }

  return (
    <form noValidate onSubmit={handleSubmit} className="grid gap-4 rounded-lg border border-dashed p-4">
      {formError ? (
        <Alert variant="destructive">
          <AlertDescription>{formError}</AlertDescription>
        </Alert>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Expires after (days)" optional error={errors.expiresAt} hint="Empty: never expires.">
          {(p) => (
            <Input
              {...p}
              name="expiresAt"
              type="number"
              inputMode="numeric"
              min={1}
              max={365}
              value={days}
              onChange={(e) => {
                setDays(e.target.value);
                clear("expiresAt");
              }}
            />
          )}
        </Field>
        <Field label="Maximum uses" optional error={errors.maxUses} hint="Empty: no limit.">
          {(p) => (
            <Input
              {...p}
              name="maxUses"
              type="number"
              inputMode="numeric"
              min={1}
              max={10000}
              value={maxUses}
              onChange={(e) => {
                setMaxUses(e.target.value);
                clear("maxUses");
              }}
            />
          )}
        </Field>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={busy}>
          {busy ? <Loader2 className="animate-spin" aria-hidden="true" /> : <Link2 aria-hidden="true" />}
          Create invite link
        </Button>
        <p role="status" className="text-success text-sm">
          {created ? "Link created. It's at the top of the list below." : ""}
        </p>
      </div>
    </form>
  );
}

function InviteItem({
  invite,
  error,
  onRevoke,
  onRegenerate,
}: {
  invite: InviteRow;
  error?: string;
  onRevoke: () => void;
  onRegenerate: () => void;
}) {
  const [copied, setCopied] = useState(false);
  // The admin pages render only in the browser, so the origin is known.
  const url = inviteUrl(invite.token);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 2000);
    return () => clearTimeout(timer);
  }, [copied]);
  const active = invite.status === "valid";
  const status = STATUS[invite.status];
  const inputId = `invite-${invite._id}`;

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
    } catch {
      // No clipboard permission: select the text so the admin can copy it themselves.
      const input = document.getElementById(inputId);
      if (input instanceof HTMLInputElement) input.select();
    }
    setCopied(true);
  }

  const meta = [
    `Created ${formatDay(invite.createdAt)}`,
    invite.maxUses !== undefined ? `${invite.uses} of ${plural(invite.maxUses, "use")}` : plural(invite.uses, "use"),
    invite.status === "revoked" && invite.revokedAt !== undefined
      ? `Revoked ${formatDay(invite.revokedAt)}`
      : invite.expiresAt !== undefined
        ? `${invite.status === "expired" ? "Expired" : "Expires"} ${formatRelative(invite.expiresAt)}`
        : "Never expires",
  ];

  return (
    <li className={cn("bg-card rounded-lg border p-4", !active && "bg-muted/40")}>
      <div className="flex flex-wrap items-center gap-2">
        <Badge variant={status.variant}>{status.label}</Badge>
        <p className="text-muted-foreground text-xs">{meta.join(" · ")}</p>
      </div>
      <div className="mt-3 flex flex-col gap-2 sm:flex-row">
        <label htmlFor={inputId} className="sr-only">
          Invite link
        </label>
        <Input
          id={inputId}
          readOnly
          value={url}
          onFocus={(e) => e.currentTarget.select()}
          className={cn("font-mono text-xs sm:text-xs", !active && "text-muted-foreground line-through")}
        />
        <div className="flex shrink-0 flex-wrap gap-2">
          {active ? (
            <Button type="button" variant="secondary" onClick={copy} className="min-w-28">
              {copied ? <Check aria-hidden="true" /> : <Copy aria-hidden="true" />}
              {copied ? "Copied" : "Copy link"}
            </Button>
          ) : null}
          {active ? (
            <Button type="button" variant="outline" onClick={onRevoke}>
              Revoke
            </Button>
          ) : null}
          <Button type="button" variant="ghost" onClick={onRegenerate}>
            <RefreshCw aria-hidden="true" />
            Regenerate
          </Button>
        </div>
      </div>
      <span aria-live="polite" className="sr-only">
        {copied ? "Invite link copied" : ""}
      </span>
      {error ? (
        <p role="alert" className="text-destructive mt-2 text-sm">
          {error}
        </p>
      ) : null}
    </li>
  );
}
