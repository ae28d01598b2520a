import { BackupsPage } from "@/components/backups/BackupsPage";

export const metadata = { title: "Backups · Voldeck" };

export default function Page() {
  return <BackupsPage />;
}
