import { NotificationsPage } from "@/components/admin/notifications/NotificationsPage";

export const metadata = { title: "Notifications · Voldeck" };

export default function Page() {
  return <NotificationsPage />;
}
