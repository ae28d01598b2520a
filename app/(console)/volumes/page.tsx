import { AllVolumesPage } from "@/components/all-engines/AllVolumesPage";
import { listEngineConfigs } from "@/lib/docker/clients";

export const metadata = { title: "All engines · Voldeck" };

// The engine ids are known here without asking any engine, so every engine's query starts at once.
export default function Page() {
  return <AllVolumesPage engineIds={listEngineConfigs().map((c) => c.id)} />;
}
