import { Link } from "@tanstack/react-router";

import { Button } from "~/components/ui/button";

export function NotFound() {
  return (
    <section
      aria-labelledby="not-found-title"
      className="mx-auto flex w-full max-w-md flex-1 flex-col items-center justify-center px-4 py-16 text-center"
    >
      <p className="text-primary text-sm font-semibold">404</p>
      <h1 id="not-found-title" className="mt-2 text-2xl font-bold tracking-tight sm:text-3xl">
        Page not found
      </h1>
      <p className="text-muted-foreground mt-3">The page you're looking for doesn't exist or has moved.</p>
      <div className="mt-6 flex flex-wrap justify-center gap-3">
        <Button asChild>
          <Link to="/">Go to the home page</Link>
        </Button>
        <Button variant="outline" onClick={() => window.history.back()}>
          Go back
        </Button>
      </div>
    </section>
  );
}
