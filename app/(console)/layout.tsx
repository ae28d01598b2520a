import type { ReactNode } from "react";
import { SessionProvider } from "@/components/auth/SessionProvider";
import { requireSession } from "@/lib/auth/page-session";

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const me = await requireSession();
  return <SessionProvider me={me}>{children}</SessionProvider>;
}
