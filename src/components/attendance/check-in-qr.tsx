import { Copy, Loader2, QrCode } from "lucide-react";
import QRCode from "qrcode";
import { useEffect, useState } from "react";

import { Button } from "~/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "~/components/ui/dialog";
import { expectedErrorMessage } from "~/lib/errors";
import type { Id } from "@convex/_generated/dataModel";
import { useCheckInLinkMutation } from "./data";

/** "Show check-in QR": the venue's self check-in link as a QR code (drawn here) and as text. */
export function CheckInQrButton({ eventId }: { eventId: Id<"events"> }) {
  const [open, setOpen] = useState(false);
  const link = useCheckInLinkMutation();
  const [svg, setSvg] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const url = link.data?.url;
  const { mutate } = link;

  useEffect(() => {
    if (open) mutate({ eventId });
  }, [open, eventId, mutate]);

  useEffect(() => {
    if (!url) return;
    let live = true;
    void QRCode.toString(url, { type: "svg", margin: 1, errorCorrectionLevel: "M" }).then((s) => live && setSvg(s));
    return () => {
      live = false;
    };
  }, [url]);

  const error = expectedErrorMessage(link.error);

  return (
    <>
      <Button variant="outline" onClick={() => setOpen(true)}>
        <QrCode aria-hidden="true" />
        Show check-in QR
      </Button>
      <Dialog open={open} onOpenChange={setOpen}>
        <DialogContent className="sm:max-w-md">
          <DialogHeader>
            <DialogTitle>Venue check-in code</DialogTitle>
            <DialogDescription>Members scan it with their phone to check themselves in.</DialogDescription>
          </DialogHeader>
          {error ? (
            <p role="alert" className="text-destructive text-sm">
              {error}
            </p>
          ) : url && svg ? (
            <div className="grid min-w-0 gap-3">
              <div
                role="img"
                aria-label="QR code of the check-in link"
                className="mx-auto w-full max-w-72 rounded-lg bg-white p-2 [&_svg]:size-full"
                style={{ aspectRatio: "1" }}
                dangerouslySetInnerHTML={{ __html: svg }}
              />
              <a
                href={url}
                className="text-primary text-sm break-all underline-offset-4 hover:underline"
                data-testid="check-in-link"
              >
                {url}
              </a>
              <Button
                size="sm"
                variant="outline"
                className="justify-self-start"
                onClick={() => void navigator.clipboard?.writeText(url).then(() => setCopied(true))}
              >
                <Copy aria-hidden="true" />
                {copied ? "Copied" : "Copy link"}
              </Button>
            </div>
          ) : (
            <div role="status" className="text-muted-foreground flex h-72 items-center justify-center gap-2 text-sm">
              <Loader2 className="animate-spin" aria-hidden="true" />
              Making the code…
            </div>
          )}
        </DialogContent>
      </Dialog>
    </>
  );
}
