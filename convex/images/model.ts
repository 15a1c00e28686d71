// Uploaded images (event covers, org logos): the file check and the attach/replace bookkeeping.
// The check reads the file's first bytes on the server: the type the browser claimed is not
// trusted, and a file that fails the check is deleted at once.
import { v } from "convex/values";
import type { Id } from "../_generated/dataModel";
import { internalMutation, type ActionCtx, type MutationCtx } from "../_generated/server";
import { requireOrgAdmin, requireAccount } from "../lib/access";
import { appError, invalidArgument } from "../lib/errors";
import { IMAGE_LIMITS } from "../lib/vocabulary";

export type ImageType = (typeof IMAGE_LIMITS.types)[number];

/** The image type from the file's signature (magic bytes), or null when it is none we accept. */
export function sniffImageType(bytes: Uint8Array): ImageType | null {
  const at = (offset: number, ...values: number[]) => values.every((value, i) => bytes[offset + i] === value);
  if (at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return "image/png";
  if (at(0, 0xff, 0xd8, 0xff)) return "image/jpeg";
  if (at(0, 0x47, 0x49, 0x46, 0x38) && (bytes[4] === 0x37 || bytes[4] === 0x39) && bytes[5] === 0x61)
    return "image/gif";
  if (at(0, 0x52, 0x49, 0x46, 0x46) && at(8, 0x57, 0x45, 0x42, 0x50)) return "image/webp";
  return null;
}

const MAX_MB = IMAGE_LIMITS.maxBytes / (1024 * 1024);

/** Checks an uploaded file's size and type; deletes it and throws INVALID_ARGUMENT when it fails. */
export async function requireUploadedImage(ctx: ActionCtx, storageId: Id<"_storage">, field: string) {
  const blob = await ctx.storage.get(storageId);
  if (blob === null) throw invalidArgument(field, "This upload was not found. Choose the file again.");
  let problem: string | null = null;
  if (blob.size > IMAGE_LIMITS.maxBytes) problem = `The image is larger than ${MAX_MB} MB.`;
  else if (sniffImageType(new Uint8Array(await blob.slice(0, 16).arrayBuffer())) === null) {
    problem = "Use a PNG, JPEG, WebP or GIF image.";
  }
  if (problem !== null) {
    await ctx.storage.delete(storageId);
    throw invalidArgument(field, problem);
  }
}

/** Claims a file for one use; the same file can't be attached twice (replacing one deletes it). */
async function claim(ctx: MutationCtx, storageId: Id<"_storage">, userId: Id<"users">, field: string) {
  const taken = await ctx.db
    .query("imageFiles")
    .withIndex("by_storage", (q) => q.eq("storageId", storageId))
    .unique();
  if (taken !== null) throw appError("CONFLICT", "This file is already in use. Upload it again.", field);
  if ((await ctx.db.system.get("_storage", storageId)) === null) {
    throw invalidArgument(field, "This upload was not found. Choose the file again.");
  }
  await ctx.db.insert("imageFiles", { storageId, attachedBy: userId, attachedAt: Date.now() });
}

/** Deletes a file that was in use (its claim and the stored file). */
export async function releaseImage(ctx: MutationCtx, storageId: Id<"_storage"> | undefined) {
  if (storageId === undefined) return;
  const claimRow = await ctx.db
    .query("imageFiles")
    .withIndex("by_storage", (q) => q.eq("storageId", storageId))
    .unique();
  if (claimRow !== null) await ctx.db.delete("imageFiles", claimRow._id);
  if ((await ctx.db.system.get("_storage", storageId)) !== null) await ctx.storage.delete(storageId);
}

/** Sets or clears (storageId undefined) an event's cover; the caller must still be an admin. */
export const applyEventCover = internalMutation({
  args: { eventId: v.id("events"), userId: v.id("users"), storageId: v.optional(v.id("_storage")) },
  returns: v.null(),
  handler: async (ctx, { eventId, userId, storageId }) => {
    const user = requireAccount(await ctx.db.get("users", userId));
    const event = await ctx.db.get("events", eventId);
    if (event === null) throw appError("NOT_FOUND", "This event does not exist.");
    await requireOrgAdmin(ctx, user, event.orgId);
    if (storageId !== undefined) await claim(ctx, storageId, userId, "cover");
    await releaseImage(ctx, event.coverStorageId);
    await ctx.db.patch("events", eventId, { coverStorageId: storageId, updatedAt: Date.now() });
    return null;
  },
});

/** Sets or clears (storageId undefined) an org's uploaded logo; the caller must still be an admin. */
export const applyOrgLogo = internalMutation({
  args: { orgId: v.id("organizations"), userId: v.id("users"), storageId: v.optional(v.id("_storage")) },
  returns: v.null(),
  handler: async (ctx, { orgId, userId, storageId }) => {
    const user = requireAccount(await ctx.db.get("users", userId));
    const { org } = await requireOrgAdmin(ctx, user, orgId);
    if (storageId !== undefined) await claim(ctx, storageId, userId, "logo");
    await releaseImage(ctx, org.logoStorageId);
    await ctx.db.patch("organizations", orgId, { logoStorageId: storageId });
    return null;
  },
});
