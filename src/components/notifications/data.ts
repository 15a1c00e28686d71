// The notifications feature's data: the inbox, the unread count, notification settings and the
// per-event delivery log; mutation hooks for reading and muting.
import { convexQuery, useConvexMutation } from "@convex-dev/react-query";
import { useMutation } from "@tanstack/react-query";
import { optimisticallyUpdateValueInPaginatedQuery, usePaginatedQuery } from "convex/react";

import { api } from "@convex/_generated/api";
import type { Id } from "@convex/_generated/dataModel";

export function unreadCountQuery() {
  return convexQuery(api.notifications.queries.unreadCount, {});
}

export function myNotificationSettingsQuery() {
  return convexQuery(api.notifications.queries.getMyNotificationSettings, {});
}

export function useMyNotifications(pageSize: number) {
  return usePaginatedQuery(api.notifications.queries.listMyNotifications, {}, { initialNumItems: pageSize });
}

export function useEventNotificationLog(eventId: Id<"events">, pageSize: number) {
  return usePaginatedQuery(api.notifications.queries.eventNotificationLog, { eventId }, { initialNumItems: pageSize });
}

/** Every email the local backend recorded instead of sending, newest first (dev mailbox). */
export function useDevMailbox(pageSize: number) {
  return usePaginatedQuery(api.emails.queries.devMailbox, {}, { initialNumItems: pageSize });
}

/** Marks one notification read: the row and the unread count change at once (optimistically). */
export function useMarkReadMutation() {
  const mutationFn = useConvexMutation(api.notifications.mutations.markRead).withOptimisticUpdate(
    (store, { notificationId }) => {
      const readAt = Date.now();
      let wasUnread = false;
      optimisticallyUpdateValueInPaginatedQuery(store, api.notifications.queries.listMyNotifications, {}, (item) => {
        if (item._id !== notificationId || item.readAt !== undefined) return item;
        wasUnread = true;
        return { ...item, readAt };
      });
      const unread = store.getQuery(api.notifications.queries.unreadCount, {});
      if (wasUnread && unread !== undefined)
        store.setQuery(api.notifications.queries.unreadCount, {}, Math.max(0, unread - 1));
    },
  );
  return useMutation({ mutationFn });
}

/** Marks everything read; the loaded rows and the count change at once (optimistically). */
export function useMarkAllReadMutation() {
  const mutationFn = useConvexMutation(api.notifications.mutations.markAllRead).withOptimisticUpdate((store) => {
    const readAt = Date.now();
    optimisticallyUpdateValueInPaginatedQuery(store, api.notifications.queries.listMyNotifications, {}, (item) =>
      item.readAt === undefined ? { ...item, readAt } : item,
    );
    if (store.getQuery(api.notifications.queries.unreadCount, {}) !== undefined) {
      store.setQuery(api.notifications.queries.unreadCount, {}, 0);
    }
  });
  return useMutation({ mutationFn });
}

export function useMuteOrgMutation() {
  return useMutation({ mutationFn: useConvexMutation(api.notifications.mutations.muteOrg) });
}

export function useUnmuteOrgMutation() {
  return useMutation({ mutationFn: useConvexMutation(api.notifications.mutations.unmuteOrg) });
}

/** Saves the member's notification preferences (kept on the profile). */
export function useUpdateNotificationPreferencesMutation() {
  return useMutation({ mutationFn: useConvexMutation(api.profiles.mutations.updateNotificationPreferences) });
}

/** The email's unsubscribe link: what its token would turn off (reads only). */
export function unsubscribeLinkQuery(token: string) {
  return convexQuery(api.emails.unsubscribePage.describe, { token });
}

export function useConfirmUnsubscribeMutation() {
  return useMutation({
    mutationFn: useConvexMutation(api.emails.unsubscribePage.confirm),
    meta: { showsErrors: true },
  });
}
