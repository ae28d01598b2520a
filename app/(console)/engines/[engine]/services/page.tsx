import { ServicesPage } from "@/components/services/ServicesPage";

export const metadata = { title: "Services · Voldeck" };

export default async function Page({ params }: { params: Promise<{ engine: string }> }) {
  const { engine } = await params;
  return <ServicesPage engine={decodeURIComponent(engine)} />;
}
