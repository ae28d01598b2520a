import type { ReactNode } from "react";
import { PageHeader } from "@/components/ui/PageHeader";

export function AdminHeader({ id, title, actions, children }: { id: string; title: string; actions?: ReactNode; children?: ReactNode }) {
  return (
    <PageHeader id={id} title={title} actions={actions}>
      {children}
    </PageHeader>
  );
}
