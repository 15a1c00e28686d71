import { CheckCircle2, Loader2 } from "lucide-react";
import { useState } from "react";

import { FormAlert } from "~/components/forms/form-parts";
import { useFormErrors } from "~/components/forms/use-form-errors";
import { Button } from "~/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "~/components/ui/card";
import { isExpectedError } from "~/lib/errors";
import { useJoinProgramMutation, useLeaveProgramMutation, type ProgramPageData } from "./data";
import { lateJoinText, requirementText } from "./format";
import { ProgressMeter } from "./progress-meter";

const BLOCKED: Record<NonNullable<ProgramPageData["joinBlocked"]>, string> = {
  not_active: "This program isn't open for enrollment.",
  admins_add: "The organizers add participants to this program.",
  full: "This program is full.",
  declined: "Your application wasn't accepted this time.",
};

/** The viewer's place in the program: join or apply, progress, leave. */
export function EnrollmentCard({ data }: { data: ProgramPageData }) {
  const join = useJoinProgramMutation();
  const leave = useLeaveProgramMutation();
  const { formError, fail, reset } = useFormErrors([]);
  const args = { orgId: data.org._id, programId: data.program._id };
  const status = data.viewer?.status;
  const progress = data.viewer?.progress ?? null;

  async function act(run: () => Promise<unknown>) {
    reset();
    try {
      await run();
    } catch (error) {
      if (isExpectedError(error)) fail(error);
      else throw error;
    }
  }

  return (
    <Card className="gap-4">
      <CardHeader>
        <CardTitle>
          {status === "enrolled" ? "You're in" : status === "pending" ? "Application sent" : "Join"}
        </CardTitle>
        <CardDescription>
          {status === "enrolled"
            ? "You're RSVP'd to every session. Can't make one? Change your RSVP on its page."
            : status === "pending"
              ? "The organizers will review your application."
              : data.joinBlocked
                ? BLOCKED[data.joinBlocked]
                : "You'll be RSVP'd to every upcoming session."}
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <FormAlert message={formError} />
        {status !== "enrolled" && data.joinBlocked === null ? <LateJoinNote data={data} /> : null}
        {progress ? (
          <>
            <ProgressMeter progress={progress} label="Sessions attended" />
            {progress.completedAt !== undefined ? (
              <p className="text-success inline-flex items-center gap-1.5 text-sm font-medium">
                <CheckCircle2 className="size-4" aria-hidden="true" />
                Completed
              </p>
            ) : (
              <p className="text-muted-foreground text-xs">{requirementText(progress, data.program.countExcused)}</p>
            )}
          </>
        ) : null}
        {status === "enrolled" || status === "pending" ? (
          <Button variant="outline" disabled={leave.isPending} onClick={() => void act(() => leave.mutateAsync(args))}>
            {leave.isPending ? <Loader2 className="animate-spin" aria-hidden="true" /> : null}
            {status === "pending" ? "Withdraw application" : "Leave program"}
          </Button>
        ) : data.joinBlocked === null ? (
          <Button disabled={join.isPending} onClick={() => void act(() => join.mutateAsync(args))}>
            {join.isPending ? <Loader2 className="animate-spin" aria-hidden="true" /> : null}
            {data.program.enrollmentMode === "apply" ? "Apply to join" : "Join program"}
          </Button>
        ) : null}
      </CardContent>
    </Card>
  );
}

function LateJoinNote({ data }: { data: ProgramPageData }) {
  const [now] = useState(() => Date.now());
  const held = data.sessions.filter((s) => s.status !== "cancelled" && s.startTime <= now).length;
  const text = lateJoinText(held, data.program.minAttended ?? data.program.sessionCount);
  return text === null ? null : <p className="text-muted-foreground text-xs">{text}</p>;
}
