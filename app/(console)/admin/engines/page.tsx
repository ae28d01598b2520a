import { EnginesPage } from "@/components/admin/engines/EnginesPage";

export const metadata = { title: "Engines · Voldeck" };

export default function Page() {
  return <EnginesPage />;
}
