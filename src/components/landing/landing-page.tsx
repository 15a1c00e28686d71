import { useConvexAuth } from "convex/react";
import { Link, useNavigate } from "@tanstack/react-router";
import { useEffect } from "react";
import { BarChart3, BellRing, CalendarCheck, Users } from "lucide-react";

import { Button } from "~/components/ui/button";

const FEATURES = [
  {
    icon: CalendarCheck,
    title: "Events and RSVPs",
    text: "Publish events, collect RSVPs with a waitlist, and see who actually came.",
  },
  {
    icon: BellRing,
    title: "Reminders that respect people",
    text: "Reminder emails before events and a one-tap “did you attend?” after, on each member's terms.",
  },
  {
    icon: Users,
    title: "A member directory that stays current",
    text: "Members keep their own profiles up to date, with privacy controls they choose.",
  },
  {
    icon: BarChart3,
    title: "Engagement you can explain",
    text: "See who is engaged, why, and override it with notes when you know better.",
  },
] as const;

/** The public front page; signed-in people are sent on to /home. */
export function LandingPage() {
  const { isAuthenticated } = useConvexAuth();
  const navigate = useNavigate();
  // Signed-in people go straight to their home page (the session is only known in the browser).
  useEffect(() => {
    if (isAuthenticated) void navigate({ to: "/home", replace: true });
  }, [isAuthenticated, navigate]);

  return (
    <div className="flex flex-1 flex-col">
      <section className="mx-auto w-full max-w-5xl px-4 pt-14 pb-12 sm:px-6 sm:pt-24 sm:pb-16">
        <p className="text-primary text-sm font-semibold tracking-wide uppercase">For field-building organizations</p>
        <h1 className="mt-3 max-w-3xl text-3xl font-bold tracking-tight text-balance sm:text-5xl">
          Run your events. Know your community.
        </h1>
        <p className="text-muted-foreground mt-5 max-w-2xl text-base text-pretty sm:text-lg">
          ASTN Orgs gives AI-safety hubs, reading groups and student clubs one place to publish events, track attendance
          and see a live picture of who is engaged, without chasing members to update a spreadsheet.
        </p>
        <div className="mt-8 flex flex-col gap-3 sm:flex-row">
          <Button size="lg" asChild>
            <Link to="/sign-up">Sign up</Link>
          </Button>
          <Button size="lg" variant="outline" asChild>
            <Link to="/sign-in">Sign in</Link>
          </Button>
        </div>
      </section>
      <section aria-labelledby="features-title" className="bg-muted/50 border-t">
        <div className="mx-auto w-full max-w-5xl px-4 py-12 sm:px-6 sm:py-16">
          <h2 id="features-title" className="text-xl font-semibold tracking-tight sm:text-2xl">
            Everything an organizer needs, updating in real time
          </h2>
          <ul className="mt-8 grid gap-6 sm:grid-cols-2">
            {FEATURES.map(({ icon: Icon, title, text }) => (
              <li key={title} className="flex gap-4">
                <span className="bg-primary/10 text-primary flex size-10 shrink-0 items-center justify-center rounded-lg">
                  <Icon className="size-5" aria-hidden="true" />
                </span>
                <div>
                  <h3 className="font-semibold">{title}</h3>
                  <p className="text-muted-foreground mt-1 text-sm">{text}</p>
                </div>
              </li>
            ))}
          </ul>
        </div>
      </section>
    </div>
  );
}
