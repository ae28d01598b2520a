import type { ReactNode } from "react";
import { ConsoleShell } from "@/components/shell/ConsoleShell";

// Backups belong to the console, not to an engine (each records its own): a global page in the usual shell,
// which follows the default engine's events like the admin pages do.
export default function BackupsLayout({ children }: { children: ReactNode }) {
  return <ConsoleShell engine="local">{children}</ConsoleShell>;
}
