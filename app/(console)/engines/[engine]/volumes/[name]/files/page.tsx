import { FilesPage } from "@/components/files/FilesPage";

type Props = { params: Promise<{ engine: string; name: string }>; searchParams: Promise<{ path?: string | string[] }> };

export default async function Page({ params, searchParams }: Props) {
  const { engine, name } = await params;
  const raw = (await searchParams).path;
  const path = `/${(Array.isArray(raw) ? raw[0] : (raw ?? ""))
    .split("/")
    .filter((p) => p && p !== ".")
    .join("/")}`;
  // Keyed by path: each directory starts with an empty filter and its own "load more" state.
  return <FilesPage key={path} engine={decodeURIComponent(engine)} volume={decodeURIComponent(name)} path={path} />;
}
