import { SnapshotBrowser } from "@/components/snapshots/SnapshotBrowser";

export const metadata = { title: "Snapshot · Voldeck" };

type Query = { path?: string | string[]; engine?: string | string[]; volume?: string | string[] };
type Props = { params: Promise<{ id: string; sid: string }>; searchParams: Promise<Query> };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function Page({ params, searchParams }: Props) {
  const { id, sid } = await params;
  const q = await searchParams;
  const [engine, volume] = [first(q.engine), first(q.volume)];
  const path = `/${(first(q.path) ?? "")
    .split("/")
    .filter((p) => p && p !== ".")
    .join("/")}`;
  // engine and volume: only which snapshots to read first; a wrong pair finds no snapshot and says so.
  const of = engine && volume ? { engine, volume } : undefined;
  return <SnapshotBrowser repo={decodeURIComponent(id)} sid={decodeURIComponent(sid)} path={path} of={of} />;
}
