"use client";
import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { useMutation } from "@tanstack/react-query";
import { ChevronDown, KeyRound, LogOut, UserRound } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiFetch } from "@/lib/api/fetcher";
import { LOGIN_HREF } from "@/lib/routes";
import { ChangePasswordDialog } from "./ChangePasswordDialog";
import { useMe } from "./SessionProvider";

const itemClass =
  "flex cursor-default items-center gap-2 rounded px-2 py-1.5 outline-none select-none data-[disabled]:opacity-60 data-[highlighted]:bg-surface-2";

/** Who is signed in, in the header; the menu holds "Change password" (session sign-ins) and "Sign out". */
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
    <>
      <DropdownMenu.Root modal={false}>
        <DropdownMenu.Trigger className="flex h-8 items-center gap-1.5 rounded-md px-2 text-sm text-fg-muted hover:bg-surface-2 hover:text-fg data-[state=open]:bg-surface-2">
          <UserRound aria-hidden className="size-4 shrink-0" />
          <span className="sr-only">Signed in as </span>
          <span className="max-w-[10rem] truncate font-medium text-fg max-sm:sr-only">{me.username}</span>
          <span className="text-fg-subtle max-md:sr-only"> ({me.role})</span>
          <ChevronDown aria-hidden className="size-3.5 text-fg-subtle max-sm:hidden" />
        </DropdownMenu.Trigger>
        <DropdownMenu.Portal>
          <DropdownMenu.Content align="end" sideOffset={4} className="z-50 min-w-52 rounded-md border border-line bg-surface p-1 text-sm text-fg shadow-lg">
            <DropdownMenu.Label className="px-2 py-1.5 text-xs text-fg-subtle">
              Signed in as <span className="font-medium text-fg">{me.username}</span> ({me.role})
            </DropdownMenu.Label>
            <DropdownMenu.Separator className="my-1 h-px bg-line" />
            {me.via === "session" && (
              <DropdownMenu.Item className={itemClass} onSelect={() => setChanging(true)}>
                <KeyRound aria-hidden className="size-4 text-fg-muted" />
                Change password
              </DropdownMenu.Item>
            )}
            <DropdownMenu.Item className={itemClass} disabled={logout.isPending} onSelect={() => logout.mutate()}>
              <LogOut aria-hidden className="size-4 text-fg-muted" />
              Sign out
            </DropdownMenu.Item>
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>
      <ChangePasswordDialog open={changing} onClose={() => setChanging(false)} />
    </>
  );
}
