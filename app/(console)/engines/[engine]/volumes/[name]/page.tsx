import { VolumeSnapshotsPanel } from "@/components/snapshots/VolumeSnapshotsPanel";
import { VolumeDetailPage } from "@/components/volumes/VolumeDetailPage";

export default async function Page({ params }: { params: Promise<{ engine: string; name: string }> }) {
  const { engine, name } = await params;
  const [e, n] = [decodeURIComponent(engine), decodeURIComponent(name)];
  return <VolumeDetailPage engine={e} name={n} snapshots={<VolumeSnapshotsPanel engine={e} name={n} />} />;
}
