// Image uploads: ask for an upload URL, post the file to Convex file storage, then attach the
// storage id (the server checks the file's type and size and deletes it if it fails).
import { useConvexAction, useConvexMutation } from "@convex-dev/react-query";
import { useMutation } from "@tanstack/react-query";

import { api } from "@convex/_generated/api";
import type { Id } from "@convex/_generated/dataModel";
import { IMAGE_LIMITS } from "@convex/lib/vocabulary";

export const ACCEPTED_IMAGE_TYPES = IMAGE_LIMITS.types.join(",");
export const MAX_IMAGE_MB = IMAGE_LIMITS.maxBytes / (1024 * 1024);

/** Checked again on the server; this only saves an upload that would be refused. */
export function checkImageFile(file: File): string | undefined {
  if (!(IMAGE_LIMITS.types as readonly string[]).includes(file.type)) return "Use a PNG, JPEG, WebP or GIF image.";
  if (file.size > IMAGE_LIMITS.maxBytes) return `The image is larger than ${MAX_IMAGE_MB} MB.`;
  return undefined;
}

function useUpload() {
  const generateUploadUrl = useConvexMutation(api.images.functions.generateUploadUrl);
  return async (file: File): Promise<Id<"_storage">> => {
    const url = await generateUploadUrl({});
    const response = await fetch(url, { method: "POST", headers: { "Content-Type": file.type }, body: file });
    if (!response.ok) throw new Error(`Upload failed (${response.status})`);
    return ((await response.json()) as { storageId: Id<"_storage"> }).storageId;
  };
}

export function useSetEventCoverMutation(eventId: Id<"events">) {
  const upload = useUpload();
  const setCover = useConvexAction(api.images.functions.setEventCover);
  return useMutation({ mutationFn: async (file: File) => setCover({ eventId, storageId: await upload(file) }) });
}

export function useRemoveEventCoverMutation(eventId: Id<"events">) {
  const remove = useConvexAction(api.images.functions.removeEventCover);
  return useMutation({ mutationFn: () => remove({ eventId }) });
}

export function useSetOrgLogoMutation(orgId: Id<"organizations">) {
  const upload = useUpload();
  const setLogo = useConvexAction(api.images.functions.setOrgLogo);
  return useMutation({ mutationFn: async (file: File) => setLogo({ orgId, storageId: await upload(file) }) });
}

export function useRemoveOrgLogoMutation(orgId: Id<"organizations">) {
  const remove = useConvexAction(api.images.functions.removeOrgLogo);
  return useMutation({ mutationFn: () => remove({ orgId }) });
}
