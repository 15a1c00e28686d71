import { useQuery } from "@tanstack/react-query";

import { Skeleton } from "~/components/ui/skeleton";
import { initials, plural } from "~/lib/format";
import type { Id } from "@convex/_generated/dataModel";
import { guestsQuery } from "./data";

function GuestAvatar({ name, image }: { name: string; image?: string }) {
  return image ? (
    <img
      src={image}
      alt=""
      className="bg-muted size-9 shrink-0 rounded-full border object-cover"
      referrerPolicy="no-referrer"
    />
  ) : (
    <span
      aria-hidden="true"
      className="bg-primary/10 text-primary ring-background flex size-9 shrink-0 items-center justify-center rounded-full text-xs font-semibold ring-2"
    >
      {initials(name)}
    </span>
  );
}

/** Members: who is going (people who hid themselves from guest lists are only counted). */
export default function GuestList({ eventId }: { eventId: Id<"events"> }) {
  const { data, isPending } = useQuery(guestsQuery(eventId));
  if (isPending) return <Skeleton className="h-24 rounded-xl" />;
  if (!data || data.going === 0) return null;
  const others = data.going - data.guests.length;
  return (
    <section aria-labelledby="guests-title" className="grid gap-3 rounded-xl border p-4 sm:p-5">
      <h2 id="guests-title" className="text-sm font-semibold">
        Who's going <span className="text-muted-foreground font-normal">· {data.going.toLocaleString("en")}</span>
      </h2>
      <ul className="grid gap-2 sm:grid-cols-2" aria-label="Guests">
        {data.guests.map((guest) => (
          <li key={guest.userId} className="flex min-w-0 items-center gap-2">
            <GuestAvatar name={guest.name} image={guest.image} />
            {/* Long names take two lines, then an ellipsis; the whole name is in the tooltip. */}
            <span
              className="line-clamp-2 min-w-0 text-sm leading-snug font-medium [overflow-wrap:anywhere]"
              title={guest.name}
              data-testid="guest-name"
            >
              {guest.name}
            </span>
            {guest.isViewer ? <span className="text-muted-foreground shrink-0 text-sm">(you)</span> : null}
          </li>
        ))}
      </ul>
      {others > 0 ? (
        <p className="text-muted-foreground text-sm">
          {data.guests.length > 0 ? "and " : ""}
          {plural(
            others,
            data.guests.length > 0 ? "other" : "person going",
            data.guests.length > 0 ? "others" : "people going",
          )}
          {data.guests.length > 0 ? "" : " (not shown on guest lists)"}
        </p>
      ) : null}
    </section>
  );
}
