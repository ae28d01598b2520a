import type { ReactNode } from "react";
import { ConsoleShell } from "@/components/shell/ConsoleShell";

// The all-engines view belongs to no single engine: the shell follows none.
export default function AllVolumesLayout({ children }: { children: ReactNode }) {
  return <ConsoleShell>{children}</ConsoleShell>;
}
