import { AuditPage } from "@/components/admin/audit/AuditPage";

export const metadata = { title: "Audit trail · Voldeck" };

export default function Page() {
  return <AuditPage />;
}
