import { UserMenu } from "~/components/auth/user-menu";
import { NotificationBell } from "~/components/notifications/notification-bell";

/** The header's controls for a signed-in user: the inbox bell and the user menu. */
export default function AccountActions() {
  return (
    <>
      <NotificationBell />
      <UserMenu />
    </>
  );
}
