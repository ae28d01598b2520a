"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { apiFetch } from "@/lib/api/fetcher";
import { useMe } from "./SessionProvider";

export function UserMenu() {
  const me = useMe();
  const router = useRouter();
  const logout = useMutation({
    mutationFn: () => apiFetch("/api/auth/logout", { method: "POST" }),
    onSettled: () => {
      router.replace("/login");
      router.refresh();
    },
  });
  if (!me) return null;
  return (
    <div className="flex items-center gap-2 text-sm">
      <span className="text-slate-700">
        <span className="sr-only">Signed in as </span>
        <strong className="font-medium">{me.username}</strong> <span className="text-slate-500">({me.role})</span>
      </span>
      <button type="button" onClick={() => logout.mutate()} className="rounded-md px-2 py-1 font-medium text-slate-700 hover:bg-slate-100" disabled={logout.isPending}>
        Sign out
      </button>
    </div>
  );
}
