import { useAuthActions } from "@convex-dev/auth/react";
import { useQuery } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { Trash2 } from "lucide-react";
import { type FormEvent, useState } from "react";

import { ConfirmDialog } from "~/components/common/confirm-dialog";
import { PageHeader } from "~/components/common/page-header";
import { FormField } from "~/components/auth/form-field";
import { FormAlert, SaveBar } from "~/components/forms/form-parts";
import { useFormSubmit } from "~/components/forms/use-form-errors";
import { Button } from "~/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "~/components/ui/card";
import { Skeleton } from "~/components/ui/skeleton";
import { checkNewPassword } from "~/lib/validation";
import { accountDeletionCheckQuery, useChangePasswordMutation, useDeleteAccountMutation, viewerQuery } from "./data";

/** /account: the sign-in email, changing the password, and deleting the account. */
export function AccountPage() {
  const viewer = useQuery(viewerQuery());
  return (
    <div className="mx-auto w-full max-w-3xl px-4 py-10 sm:px-6">
      <PageHeader title="Account" description="Your sign-in details. Profile and notifications have their own pages." />
      <div className="mt-8 grid gap-6">
        <Card>
          <CardHeader>
            <CardTitle>
              <h2>Password</h2>
            </CardTitle>
            <CardDescription>
              Signed in as {viewer.data?.email ?? "…"}. Changing the password signs you out everywhere else.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <ChangePasswordForm />
          </CardContent>
        </Card>
        <DeleteAccountCard />
      </div>
    </div>
  );
}

const PASSWORD_FIELDS = ["currentPassword", "newPassword"] as const;

function ChangePasswordForm() {
  const change = useChangePasswordMutation();
  const { errors, formError, check, clear, busy, saved, setSaved, run } = useFormSubmit(PASSWORD_FIELDS);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const currentPassword = String(data.get("currentPassword") ?? "");
    const newPassword = String(data.get("newPassword") ?? "");
    const invalid = {
      currentPassword: currentPassword === "" ? "Enter your current password." : undefined,
      newPassword: checkNewPassword(newPassword),
    };
    if (check(invalid, form)) return;
    await run(form, async () => {
      await change.mutateAsync({ currentPassword, newPassword });
      form.reset();
    });
  }

  return (
    <form noValidate onSubmit={onSubmit} className="grid max-w-sm gap-4" onChange={() => setSaved(false)}>
      <FormAlert message={formError} />
      <FormField
        name="currentPassword"
        label="Current password"
        type="password"
        autoComplete="current-password"
        error={errors.currentPassword}
        onChange={() => clear("currentPassword")}
      />
      <FormField
        name="newPassword"
        label="New password"
        type="password"
        autoComplete="new-password"
        error={errors.newPassword}
        hint="At least 8 characters, with a letter and a number."
        onChange={() => clear("newPassword")}
      />
      <SaveBar busy={busy} label="Change password" status={saved ? "Password changed." : ""} />
    </form>
  );
}

function DeleteAccountCard() {
  const check = useQuery(accountDeletionCheckQuery());
  const remove = useDeleteAccountMutation();
  const { signOut } = useAuthActions();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const blocking = check.data?.soleAdminOrgs ?? [];

  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2>Delete account</h2>
        </CardTitle>
        <CardDescription>This cannot be undone. Deleting your account:</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4 text-sm">
        <ul className="grid list-disc gap-1 pl-5">
          <li>
            ends your membership of{" "}
            {check.data
              ? `${check.data.memberships} organization${check.data.memberships === 1 ? "" : "s"}`
              : "your organizations"}
            ;
          </li>
          <li>removes your RSVPs: a seat you held for an upcoming event goes to the first person on its waitlist;</li>
          <li>deletes your profile, inbox, emails and attendance history, and signs you out everywhere;</li>
          <li>keeps the events you created with their organizations, and past attendance only as totals.</li>
        </ul>
        <p>
          If you are the only admin of an organization, make another member an admin first (on its Members page): an
          organization always keeps an admin.
        </p>
        {check.isPending ? (
          <Skeleton className="h-9 w-40" />
        ) : blocking.length > 0 ? (
          <div role="status" className="bg-muted rounded-md p-3">
            You are the only admin of{" "}
            {blocking.map((org, i) => (
              <span key={org._id}>
                {i > 0 ? ", " : ""}
                <Link to="/org/$slug/members" params={{ slug: org.slug }} className="font-medium underline">
                  {org.name}
                </Link>
              </span>
            ))}
            . Appoint another admin there before deleting your account.
          </div>
        ) : null}
        <div>
          <Button variant="destructive" disabled={check.isPending || blocking.length > 0} onClick={() => setOpen(true)}>
            <Trash2 aria-hidden="true" />
            Delete my account
          </Button>
        </div>
        <ConfirmDialog
          open={open}
          onOpenChange={setOpen}
          title="Delete your account?"
          description="Your memberships, RSVPs, profile and history are deleted now. This cannot be undone."
          confirmLabel="Delete account"
          onConfirm={async () => {
            await remove.mutateAsync({});
            await signOut().catch(() => undefined);
            await navigate({ to: "/", replace: true });
          }}
        />
      </CardContent>
    </Card>
  );
}
