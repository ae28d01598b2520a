"use client";
import { createContext, useContext, type ReactNode } from "react";
import type { Me } from "@/lib/api/auth-schemas";
import { roleAllows, type Role } from "@/lib/auth/roles";

const SessionContext = createContext<Me | null>(null);

export function SessionProvider({ me, children }: { me: Me; children: ReactNode }) {
  return <SessionContext.Provider value={me}>{children}</SessionContext.Provider>;
}

export function useMe(): Me | null {
  return useContext(SessionContext);
}

/** Whether the signed-in user's role allows `role`; the UI hides what it may not do (the server refuses it anyway). */
export function useCan(role: Role): boolean {
  const me = useMe();
  return !!me && roleAllows(me.role, role);
}
