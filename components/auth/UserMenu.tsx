"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiFetch } from "@/lib/api/fetcher";
import { LOGIN_HREF } from "@/lib/routes";
import { ChangePasswordDialog } from "./ChangePasswordDialog";
import { useMe } from "./SessionProvider";

const buttonClass = "rounded-md px-2 py-1 font-medium text-fg-muted hover:bg-surface-2 disabled:text-fg-subtle";

export function UserMenu() {
  const me = useMe();
  const router = useRouter();
  const [changing, setChanging] = useState(false);
  const logout = useMutation({
    mutationFn: () => apiFetch("/api/auth/logout", { method: "POST" }),
    onSettled: () => {
      router.replace(LOGIN_HREF);
      router.refresh();
    },
  });
  if (!me) return null;
  return (
    <div className="flex items-center gap-1 text-sm">
      <span className="mr-1 text-fg-muted">
        <span className="sr-only">Signed in as </span>
        <strong className="font-medium">{me.username}</strong> <span className="text-fg-subtle">({me.role})</span>
      </span>
      {me.via === "session" && (
        <button type="button" onClick={() => setChanging(true)} className={buttonClass}>
          Change password
        </button>
      )}
      <button type="button" onClick={() => logout.mutate()} className={buttonClass} disabled={logout.isPending}>
        Sign out
      </button>
      <ChangePasswordDialog open={changing} onClose={() => setChanging(false)} />
    </div>
  );
}
