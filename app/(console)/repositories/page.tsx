import { RepositoriesPage } from "@/components/repositories/RepositoriesPage";

export const metadata = { title: "Repositories · Voldeck" };

export default function Page() {
  return <RepositoriesPage />;
}
