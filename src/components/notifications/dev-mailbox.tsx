import { Link, useLocation } from "@tanstack/react-router";
import { ExternalLink, LogIn, MailOpen, ServerOff } from "lucide-react";
import { useMemo, useState } from "react";

import { EmptyState } from "~/components/common/empty-state";
import { LoadMore } from "~/components/common/load-more";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Skeleton } from "~/components/ui/skeleton";
import { errorCode, toFormError } from "~/lib/errors";
import { cn } from "~/lib/utils";
import { useDevMailbox } from "./data";
import { DevAccountEmails } from "./dev-account-emails";
import type { Id } from "@convex/_generated/dataModel";
import { KIND_LABELS, STATUS_BADGES, type MailboxEntry } from "./labels";
import { QueryErrorBoundary } from "./query-error-boundary";
import { formatTimestamp } from "~/lib/time";

const PAGE_SIZE = 25;

export const DEV_MAILBOX_FORBIDDEN = "The dev mailbox is only available on the local backend";
export const DEV_MAILBOX_SIGNED_OUT = "Sign in to see your emails";

/** /dev/mailbox: the emails the app recorded for the signed-in user, newest first, with the selected one opened. */
export function DevMailbox() {
  return (
    <QueryErrorBoundary
      fallback={(error) =>
        errorCode(error) === "UNAUTHENTICATED" ? (
          <>
            <EmptyState icon={LogIn} title={DEV_MAILBOX_SIGNED_OUT} action={<SignInLink />}>
              The mailbox shows the emails sent to the account you are signed in with.
            </EmptyState>
            <DevAccountEmails />
          </>
        ) : errorCode(error) === "FORBIDDEN" ? (
          <EmptyState icon={ServerOff} title={DEV_MAILBOX_FORBIDDEN}>
            Emails sent from a real deployment go out through Resend; see its dashboard instead.
          </EmptyState>
        ) : (
          <EmptyState icon={ServerOff} title="The mailbox could not be loaded">
            {toFormError(error).message}
          </EmptyState>
        )
      }
    >
      <Mailbox />
    </QueryErrorBoundary>
  );
}

function SignInLink() {
  const location = useLocation();
  return (
    <Button asChild>
      <Link to="/sign-in" search={{ redirect: location.href }}>
        Sign in
      </Link>
    </Button>
  );
}

function Mailbox() {
  const { results, status, loadMore } = useDevMailbox(PAGE_SIZE);
  const [selectedId, setSelectedId] = useState<Id<"emails">>();
  const selected = results.find((e) => e._id === selectedId) ?? results[0];

  if (status === "LoadingFirstPage") {
    return (
      <div className="grid gap-4 lg:grid-cols-[22rem_minmax(0,1fr)]" role="status" aria-label="Loading emails">
        <Skeleton className="h-72 rounded-xl" />
        <Skeleton className="h-72 rounded-xl" />
      </div>
    );
  }
  if (results.length === 0) {
    return (
      <EmptyState icon={MailOpen} title="No emails yet">
        Reminders, announcements and notices appear here as soon as the app sends them (nothing leaves this machine).
      </EmptyState>
    );
  }

  return (
    <div className="grid gap-6 lg:grid-cols-[22rem_minmax(0,1fr)] lg:items-start">
      <section aria-labelledby="mailbox-list-title" className="min-w-0">
        <h2 id="mailbox-list-title" className="sr-only">
          Emails
        </h2>
        <ul className="divide-y overflow-hidden rounded-xl border" aria-label="Emails">
          {results.map((email) => (
            <li key={email._id} data-testid="mailbox-row">
              <button
                type="button"
                aria-current={email._id === selected?._id ? "true" : undefined}
                onClick={() => {
                  setSelectedId(email._id);
                  // On small screens the email opens below the list.
                  if (window.matchMedia("(max-width: 1023px)").matches) {
                    requestAnimationFrame(() =>
                      document.getElementById("mailbox-email")?.scrollIntoView({ block: "start" }),
                    );
                  }
                }}
                className={cn(
                  "grid w-full gap-1 px-4 py-3 text-left transition-colors outline-none",
                  "hover:bg-accent/60 focus-visible:bg-accent focus-visible:ring-ring/50 focus-visible:ring-[3px] focus-visible:ring-inset",
                  email._id === selected?._id && "bg-accent",
                )}
              >
                <span className="flex items-center justify-between gap-2">
                  <span className="text-muted-foreground truncate text-xs">{email.to}</span>
                  <time
                    dateTime={new Date(email.createdAt).toISOString()}
                    className="text-muted-foreground shrink-0 text-xs tabular-nums"
                  >
                    {formatTimestamp(email.createdAt)}
                  </time>
                </span>
                <span className="line-clamp-2 text-sm font-medium break-words">{email.subject}</span>
                <span className="flex flex-wrap gap-1.5">
                  <Badge variant="outline">{KIND_LABELS[email.kind]}</Badge>
                  <StatusBadge status={email.status} />
                </span>
              </button>
            </li>
          ))}
        </ul>
        <LoadMore status={status} onLoadMore={() => loadMore(PAGE_SIZE)} label="Load older emails" />
      </section>
      {selected ? <EmailView email={selected} /> : null}
    </div>
  );
}

function StatusBadge({ status }: { status: MailboxEntry["status"] }) {
  const badge = STATUS_BADGES[status];
  return (
    <Badge variant={badge.variant} title={badge.hint}>
      {badge.label}
    </Badge>
  );
}

/** The links of an email's HTML part, as (text, href) pairs; only http(s) links. */
function emailLinks(html: string): { text: string; href: string }[] {
  if (typeof DOMParser === "undefined") return [];
  const doc = new DOMParser().parseFromString(html, "text/html");
  return [...doc.querySelectorAll("a[href]")]
    .map((a) => ({ text: (a.textContent ?? "").trim(), href: a.getAttribute("href") ?? "" }))
    .filter((l) => /^https?:\/\//i.test(l.href));
}

function EmailView({ email }: { email: MailboxEntry }) {
  const links = useMemo(() => emailLinks(email.html), [email.html]);
  return (
    <section
      id="mailbox-email"
      aria-labelledby="mailbox-email-subject"
      className="bg-card grid min-w-0 scroll-mt-20 gap-5 rounded-xl border p-4 shadow-sm sm:p-6"
    >
      <header className="grid gap-2">
        <h2 id="mailbox-email-subject" className="text-lg font-semibold break-words">
          {email.subject}
        </h2>
        <dl className="text-muted-foreground grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1 text-sm">
          <dt>To</dt>
          <dd className="text-foreground break-all">{email.to}</dd>
          <dt>Kind</dt>
          <dd className="text-foreground">{KIND_LABELS[email.kind]}</dd>
          <dt>Status</dt>
          <dd>
            <StatusBadge status={email.status} />
          </dd>
          <dt>Recorded</dt>
          <dd className="text-foreground">
            <time dateTime={new Date(email.createdAt).toISOString()}>{formatTimestamp(email.createdAt)}</time>
          </dd>
        </dl>
      </header>

      <div className="grid gap-2">
        <h3 className="text-sm font-semibold">HTML</h3>
        {/* sandbox="": no scripts, no same-origin, no navigation; the links are listed below. */}
        <iframe
          title={`Email: ${email.subject}`}
          sandbox=""
          srcDoc={email.html}
          className="h-96 w-full rounded-lg border bg-white"
        />
      </div>

      <div className="grid gap-2">
        <h3 className="text-sm font-semibold">Links</h3>
        {links.length === 0 ? (
          <p className="text-muted-foreground text-sm">This email has no links.</p>
        ) : (
          <ul className="grid gap-1.5" aria-label="Links in this email">
            {links.map((link, i) => (
              <li key={`${i}-${link.href}`} className="min-w-0 text-sm">
                <a
                  href={link.href}
                  target="_blank"
                  rel="noopener noreferrer"
                  className="text-primary inline-flex items-center gap-1 font-medium underline-offset-4 hover:underline"
                >
                  {link.text || link.href}
                  <ExternalLink className="size-3.5" aria-hidden="true" />
                </a>
                <span className="text-muted-foreground block truncate font-mono text-xs" title={link.href}>
                  {link.href}
                </span>
              </li>
            ))}
          </ul>
        )}
      </div>

      <div className="grid gap-2">
        <h3 className="text-sm font-semibold">Plain text</h3>
        <pre
          data-testid="email-text"
          className="bg-muted/50 max-h-96 overflow-auto rounded-lg border p-3 font-mono text-xs leading-relaxed break-words whitespace-pre-wrap"
        >
          {email.text}
        </pre>
      </div>
    </section>
  );
}
