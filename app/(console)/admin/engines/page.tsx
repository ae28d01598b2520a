import { EnginesPage } from "@/components/engines/EnginesPage";

export const metadata = { title: "Engines · Voldeck" };

export default function Page() {
  return <EnginesPage />;
}
