import type { UseMutationResult } from "@tanstack/react-query";
import { ImagePlus, Loader2, Trash2 } from "lucide-react";
import { useId, useRef, useState } from "react";

import { Button } from "~/components/ui/button";
import { expectedErrorMessage } from "~/lib/errors";
import { ACCEPTED_IMAGE_TYPES, checkImageFile, MAX_IMAGE_MB } from "./data";

/** Choose, upload and remove one image (an event cover, an org logo), with a preview. */
export function ImageUpload({
  label,
  imageUrl,
  upload,
  remove,
  shape = "wide",
}: {
  label: string;
  imageUrl: string | undefined;
  upload: UseMutationResult<unknown, Error, File>;
  remove: UseMutationResult<unknown, Error, void>;
  shape?: "wide" | "square";
}) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [localError, setLocalError] = useState<string>();
  const busy = upload.isPending || remove.isPending;
  const failure = upload.error ?? remove.error;
  const error = localError ?? (failure ? (expectedErrorMessage(failure) ?? "That didn't work. Try again.") : undefined);

  const onFile = (file: File | undefined) => {
    if (!file) return;
    const problem = checkImageFile(file);
    setLocalError(problem);
    upload.reset();
    if (!problem) upload.mutate(file);
    if (input.current) input.current.value = "";
  };

  return (
    <div className="grid gap-3">
      <div
        className={
          shape === "wide"
            ? "bg-muted relative h-40 w-full max-w-md overflow-hidden rounded-lg border"
            : "bg-muted relative size-24 overflow-hidden rounded-xl border"
        }
      >
        {imageUrl ? (
          <img src={imageUrl} alt={`Current ${label.toLowerCase()}`} className="size-full object-cover" />
        ) : (
          <span className="text-muted-foreground flex size-full items-center justify-center text-sm">No image</span>
        )}
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <input
          ref={input}
          id={id}
          type="file"
          accept={ACCEPTED_IMAGE_TYPES}
          className="sr-only"
          aria-describedby={`${id}-hint`}
          onChange={(e) => onFile(e.target.files?.[0])}
          disabled={busy}
        />
        <Button type="button" variant="outline" size="sm" disabled={busy} onClick={() => input.current?.click()}>
          {upload.isPending ? (
            <Loader2 className="animate-spin" aria-hidden="true" />
          ) : (
            <ImagePlus aria-hidden="true" />
          )}
          {imageUrl ? `Replace ${label.toLowerCase()}` : `Upload ${label.toLowerCase()}`}
        </Button>
        {imageUrl ? (
          <Button type="button" variant="ghost" size="sm" disabled={busy} onClick={() => remove.mutate()}>
            <Trash2 aria-hidden="true" />
            Remove
          </Button>
        ) : null}
      </div>
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <p id={`${id}-hint`} className="text-muted-foreground text-xs">
        PNG, JPEG, WebP or GIF, up to {MAX_IMAGE_MB} MB.
      </p>
      {error ? (
        <p role="alert" className="text-destructive text-sm">
          {error}
        </p>
      ) : upload.isSuccess ? (
        <p role="status" className="text-success text-sm">
          Image saved.
        </p>
      ) : null}
    </div>
  );
}
