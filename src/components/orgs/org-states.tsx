import { Link, useLocation } from "@tanstack/react-router";
import { ShieldAlert, SearchX, UsersRound } from "lucide-react";
import type { LucideIcon } from "lucide-react";
import type { ReactNode } from "react";

import { Button } from "~/components/ui/button";

function StatePanel({
  icon: Icon,
  title,
  children,
  actions,
}: {
  icon: LucideIcon;
  title: string;
  children: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <section className="mx-auto flex w-full max-w-md flex-col items-center px-4 py-14 text-center">
      <span className="bg-muted text-muted-foreground mb-4 flex size-12 items-center justify-center rounded-full">
        <Icon className="size-6" aria-hidden="true" />
      </span>
      <h1 className="text-2xl font-bold tracking-tight text-balance">{title}</h1>
      <div className="text-muted-foreground mt-3 text-pretty">{children}</div>
      {actions ? <div className="mt-6 flex flex-wrap justify-center gap-3">{actions}</div> : null}
    </section>
  );
}

function SignInButton({ label = "Sign in" }: { label?: string }) {
  const location = useLocation();
  return (
    <Button asChild>
      <Link to="/sign-in" search={{ redirect: location.href }}>
        {label}
      </Link>
    </Button>
  );
}

/** NOT_FOUND: the address is wrong, or the org is private and the viewer isn't a member. */
export function OrgNotFound({ signedIn }: { signedIn: boolean }) {
  return (
    <StatePanel
      icon={SearchX}
      title="Organization not found"
      actions={
        <>
          {signedIn ? null : <SignInButton />}
          <Button variant={signedIn ? "default" : "outline"} asChild>
            <Link to="/orgs">Browse organizations</Link>
          </Button>
        </>
      }
    >
      {signedIn
        ? "There's no organization at this address, or it's private and you're not a member."
        : "There's no public organization at this address. If it's private, sign in as a member to see it."}
    </StatePanel>
  );
}

/** A signed-in non-admin (or a signed-out visitor) on an admin page. */
export function AdminOnly({ orgName, slug, signedIn }: { orgName: string; slug: string; signedIn: boolean }) {
  return (
    <StatePanel
      icon={ShieldAlert}
      title={`Only admins of ${orgName} can see this page`}
      actions={
        <>
          {signedIn ? null : <SignInButton />}
          <Button variant={signedIn ? "default" : "outline"} asChild>
            <Link to="/org/$slug" params={{ slug }}>
              Back to {orgName}
            </Link>
          </Button>
        </>
      }
    >
      {signedIn
        ? "Settings, invite links and member management are for the organization's admins. Ask an admin if you need access."
        : "Sign in with an admin account to manage this organization."}
    </StatePanel>
  );
}

/** A non-member on the members page. */
export function MembersOnly({ orgName, slug, signedIn }: { orgName: string; slug: string; signedIn: boolean }) {
  return (
    <StatePanel
      icon={UsersRound}
      title={`Only members of ${orgName} can see who's in it`}
      actions={
        <>
          {signedIn ? null : <SignInButton />}
          <Button variant={signedIn ? "default" : "outline"} asChild>
            <Link to="/org/$slug" params={{ slug }}>
              Back to {orgName}
            </Link>
          </Button>
        </>
      }
    >
      {signedIn
        ? "Membership is by invitation: ask an organizer for an invite link."
        : "Sign in as a member to see the member list."}
    </StatePanel>
  );
}

export function LoadFailed() {
  return (
    <StatePanel icon={ShieldAlert} title="We couldn't load this organization">
      Please check your connection and try again in a moment.
    </StatePanel>
  );
}
