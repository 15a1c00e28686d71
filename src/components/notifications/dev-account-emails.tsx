import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";

import { devAccountEmailsQuery } from "~/components/auth/data";
import { Button } from "~/components/ui/button";
import { Input } from "~/components/ui/input";
import { Label } from "~/components/ui/label";

/**
 * The signed-out part of the dev mailbox: a forgotten password's reset code, looked up by the
 * address it went to (the backend answers only on the local backend).
 */
export function DevAccountEmails() {
  const [email, setEmail] = useState("");
  const emails = useQuery({ ...devAccountEmailsQuery(email), enabled: email !== "" });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setEmail(String(new FormData(event.currentTarget).get("email") ?? "").trim());
  }

  return (
    <section aria-labelledby="account-emails" className="mx-auto mt-8 grid max-w-lg gap-3 text-left">
      <h2 id="account-emails" className="text-base font-semibold">
        Password reset codes
      </h2>
      <form onSubmit={onSubmit} className="flex items-end gap-2">
        <div className="grid flex-1 gap-2">
          <Label htmlFor="account-email">Sent to</Label>
          <Input id="account-email" name="email" type="email" placeholder="you@example.com" />
        </div>
        <Button type="submit" variant="outline">
          Show
        </Button>
      </form>
      {email === "" ? null : emails.isPending ? (
        <p className="text-muted-foreground text-sm">Looking…</p>
      ) : emails.isError ? (
        <p role="alert" className="text-destructive text-sm">
          {emails.error.message}
        </p>
      ) : emails.data.length === 0 ? (
        <p className="text-muted-foreground text-sm">No account emails for {email}.</p>
      ) : (
        <ul className="grid gap-3">
          {emails.data.map((e) => (
            <li key={e._id} className="rounded-md border p-3">
              <p className="font-medium">{e.subject}</p>
              <pre className="text-muted-foreground mt-2 text-xs whitespace-pre-wrap">{e.text}</pre>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
