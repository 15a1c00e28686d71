import { createFileRoute } from "@tanstack/react-router";

import { PageHeader } from "~/components/common/page-header";
import { DevMailbox } from "~/components/notifications/dev-mailbox";

/**
 * The development mailbox: emails the app recorded instead of sending (local backend only; the
 * backend answers FORBIDDEN anywhere else). Not in the navigation; the footer links it locally.
 */
export const Route = createFileRoute("/dev/mailbox")({
  ssr: false,
  head: () => ({ meta: [{ title: "Dev mailbox · ASTN Orgs" }, { name: "robots", content: "noindex" }] }),
  component: DevMailboxPage,
});

function DevMailboxPage() {
  return (
    <div className="mx-auto w-full max-w-6xl px-4 py-8 sm:px-6 sm:py-10">
      <PageHeader
        title="Dev mailbox"
        description="The emails the app recorded for you on this local backend, newest first. Updates live."
      />
      <div className="mt-6">
        <DevMailbox />
      </div>
    </div>
  );
}
