import type { ReactNode } from "react";
import { ConsoleShell } from "@/components/shell/ConsoleShell";

export default async function EngineLayout({ children, params }: { children: ReactNode; params: Promise<{ engine: string }> }) {
  const { engine } = await params;
  return <ConsoleShell engine={decodeURIComponent(engine)}>{children}</ConsoleShell>;
}
