import type { ReactNode } from "react";
import { ConsoleShell } from "@/components/shell/ConsoleShell";

// Repositories belong to no engine: a global page in the usual shell, following the default engine's events.
export default function RepositoriesLayout({ children }: { children: ReactNode }) {
  return <ConsoleShell engine="local">{children}</ConsoleShell>;
}
