import { VolumeDetailPage } from "@/components/volumes/VolumeDetailPage";

export default async function Page({ params }: { params: Promise<{ engine: string; name: string }> }) {
  const { engine, name } = await params;
  return <VolumeDetailPage engine={decodeURIComponent(engine)} name={decodeURIComponent(name)} />;
}
