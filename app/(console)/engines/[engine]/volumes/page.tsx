import { VolumesPage } from "@/components/volumes/VolumesPage";

export const metadata = { title: "Volumes · Voldeck" };

export default async function Page({ params }: { params: Promise<{ engine: string }> }) {
  const { engine } = await params;
  return <VolumesPage engine={decodeURIComponent(engine)} />;
}
