import type { ReactNode } from "react";
import { AdminForbidden } from "@/components/admin/AdminForbidden";
import { ConsoleShell } from "@/components/shell/ConsoleShell";
import { requireSession } from "@/lib/auth/page-session";

// Admin pages: checked here on the server (every admin API refuses other roles as well).
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const me = await requireSession();
  return <ConsoleShell engine="local">{me.role === "admin" ? children : <AdminForbidden role={me.role} />}</ConsoleShell>;
}
