import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { CalendarCheck } from "lucide-react";

import { formatEventShort } from "~/lib/time";
import { myPendingPromptsQuery, type PendingPrompt } from "./data";
import { PromptActions } from "./prompt-actions";

/** The dashboard's "Did you make it to …?" cards, one per recent event awaiting an answer. */
export function PendingPrompts() {
  const prompts = useQuery(myPendingPromptsQuery());
  if (!prompts.data || prompts.data.length === 0) return null; // nothing to ask: no card at all
  return (
    <section aria-labelledby="pending-prompts-title" className="grid gap-3">
      <h2 id="pending-prompts-title" className="text-lg font-semibold">
        After your events
      </h2>
      <ul className="grid gap-3">
        {prompts.data.map((prompt) => (
          <PromptCard key={prompt.eventId} prompt={prompt} />
        ))}
      </ul>
    </section>
  );
}

function PromptCard({ prompt }: { prompt: PendingPrompt }) {
  const titleId = `prompt-${prompt.eventId}`;
  return (
    <li aria-labelledby={titleId} className="bg-primary/5 border-primary/20 grid gap-3 rounded-xl border p-4">
      <div className="flex gap-3">
        <span className="bg-primary/10 text-primary flex size-9 shrink-0 items-center justify-center rounded-full">
          <CalendarCheck className="size-5" aria-hidden="true" />
        </span>
        <div className="min-w-0">
          <p id={titleId} className="font-semibold break-words">
            Did you make it to{" "}
            <Link
              to="/events/$eventId"
              params={{ eventId: prompt.eventId }}
              className="underline-offset-4 hover:underline"
            >
              {prompt.title}
            </Link>
            ?
          </p>
          <p className="text-muted-foreground text-sm">
            {prompt.orgName} · {formatEventShort(prompt.startTime, prompt.timezone)}
          </p>
        </div>
      </div>
      <PromptActions eventId={prompt.eventId} canDefer={prompt.canDefer} title={prompt.title} />
    </li>
  );
}
