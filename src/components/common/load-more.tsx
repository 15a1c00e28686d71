import { Loader2 } from "lucide-react";

import { Button } from "~/components/ui/button";

type Status = "LoadingFirstPage" | "CanLoadMore" | "LoadingMore" | "Exhausted";

/** The "Load more" button under a paginated list (hidden once everything is shown). */
export function LoadMore({
  status,
  onLoadMore,
  label = "Load more",
}: {
  status: Status;
  onLoadMore: () => void;
  label?: string;
}) {
  if (status === "Exhausted" || status === "LoadingFirstPage") return null;
  const loading = status === "LoadingMore";
  return (
    <div className="mt-6 flex justify-center">
      <Button variant="outline" onClick={onLoadMore} disabled={loading} aria-busy={loading}>
        {loading ? <Loader2 className="animate-spin" aria-hidden="true" /> : null}
        {label}
      </Button>
    </div>
  );
}
