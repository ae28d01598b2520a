import type { ReactNode } from "react";
import { ConsoleShell } from "@/components/shell/ConsoleShell";

// Coverage spans every engine: a global page in the usual shell, following the default engine's events.
export default function CoverageLayout({ children }: { children: ReactNode }) {
  return <ConsoleShell engine="local">{children}</ConsoleShell>;
}
