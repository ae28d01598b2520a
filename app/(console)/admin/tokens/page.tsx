import { TokensPage } from "@/components/admin/tokens/TokensPage";

export const metadata = { title: "API tokens · Voldeck" };

export default function Page() {
  return <TokensPage />;
}
