import { SchedulesPage } from "@/components/schedules/SchedulesPage";

export const metadata = { title: "Schedules · Voldeck" };

export default function Page() {
  return <SchedulesPage />;
}
