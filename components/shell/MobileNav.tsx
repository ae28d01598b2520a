"use client";
import * as Dialog from "@radix-ui/react-dialog";
import { Menu, X } from "lucide-react";
import { usePathname } from "next/navigation";
import { useState } from "react";
import type { NavGroup } from "./nav-items";
import { Brand } from "./Sidebar";
import { SidebarNav } from "./SidebarNav";

/**
 * The phone's navigation: a button in the header opens the sections as an off-canvas drawer (Radix Dialog:
 * focus is trapped inside and returns to the button, Escape and a tap outside close it). Following a link
 * closes it, and so does any change of page (Back, a link inside the page).
 */
export function MobileNav({ groups, homeHref }: { groups: NavGroup[]; homeHref: string }) {
  const pathname = usePathname();
  // Open on the page it was opened on: any change of page closes it without an effect.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const setOpen = (next: boolean) => setOpenOn(next ? pathname : null);
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger
        className="inline-flex size-8 items-center justify-center rounded-md text-fg-muted hover:bg-surface-2 hover:text-fg lg:hidden"
        aria-label="Open navigation"
      >
        <Menu aria-hidden className="size-5" />
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-backdrop" />
        <Dialog.Content className="fixed inset-y-0 left-0 z-50 flex w-72 max-w-[85vw] flex-col border-r border-line bg-surface shadow-xl focus:outline-none">
          <div className="flex h-14 items-center justify-between border-b border-line px-3">
            <Dialog.Title asChild>
              <div>
                <Brand href={homeHref} />
              </div>
            </Dialog.Title>
            <Dialog.Description className="sr-only">The console&apos;s sections</Dialog.Description>
            <Dialog.Close className="inline-flex size-8 items-center justify-center rounded-md text-fg-muted hover:bg-surface-2" aria-label="Close navigation">
              <X aria-hidden className="size-5" />
            </Dialog.Close>
          </div>
          <div className="flex-1 overflow-y-auto px-2 py-3">
            <SidebarNav groups={groups} onNavigate={() => setOpen(false)} />
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
