import { CoveragePage } from "@/components/coverage/CoveragePage";

export const metadata = { title: "Coverage · Voldeck" };

export default function Page() {
  return <CoveragePage />;
}
