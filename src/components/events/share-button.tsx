import { Check, Share2 } from "lucide-react";
import { useState } from "react";

import { Button } from "~/components/ui/button";

/** Share the event: the system share sheet where there is one, else copy the link. */
export default function ShareButton({ title, url }: { title: string; url?: string }) {
  const [feedback, setFeedback] = useState<string>("");
  const share = async () => {
    const link = url ?? window.location.href.split("?")[0]!;
    if (typeof navigator.share === "function") {
      try {
        await navigator.share({ title, url: link });
        return;
      } catch (error) {
        if ((error as Error).name === "AbortError") return; // the person closed the sheet
      }
    }
    try {
      await navigator.clipboard.writeText(link);
      setFeedback("Link copied");
    } catch {
      setFeedback(`Copy this link: ${link}`);
    }
    setTimeout(() => setFeedback(""), 4000);
  };
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button type="button" variant="outline" size="sm" onClick={() => void share()}>
        <Share2 aria-hidden="true" />
        Share
      </Button>
      <span role="status" className="text-success flex items-center gap-1 text-sm [overflow-wrap:anywhere]">
        {feedback ? <Check className="size-4 shrink-0" aria-hidden="true" /> : null}
        {feedback}
      </span>
    </div>
  );
}
