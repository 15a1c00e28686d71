import { Link, useRouter, type ErrorComponentProps } from "@tanstack/react-router";
import { useEffect } from "react";

import { Button } from "~/components/ui/button";

/**
 * Friendly fallback for an error thrown while rendering or loading a route. The details go to
 * the console for developers; people see a plain message and a way forward, never a stack.
 */
export function DefaultCatchBoundary({ error, reset }: ErrorComponentProps) {
  const router = useRouter();

  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <section
      aria-labelledby="error-title"
      className="mx-auto flex w-full max-w-md flex-1 flex-col items-center justify-center px-4 py-16 text-center"
    >
      <h1 id="error-title" className="text-2xl font-bold tracking-tight sm:text-3xl">
        Something went wrong
      </h1>
      <p role="alert" className="text-muted-foreground mt-3">
        We couldn't show this page. Please try again in a moment.
      </p>
      <div className="mt-6 flex flex-wrap justify-center gap-3">
        <Button
          onClick={() => {
            reset();
            void router.invalidate();
          }}
        >
          Try again
        </Button>
        <Button variant="outline" asChild>
          <Link to="/">Go to the home page</Link>
        </Button>
      </div>
    </section>
  );
}
