import { ContainersPage } from "@/components/containers/ContainersPage";

export const metadata = { title: "Containers · Voldeck" };

export default async function Page({ params }: { params: Promise<{ engine: string }> }) {
  const { engine } = await params;
  return <ContainersPage engine={decodeURIComponent(engine)} />;
}
