"use client";
import { useEffect } from "react";

/** The page's search field: any input marked `data-search`, or a searchbox. */
const SEARCH_SELECTOR = "input[data-search], [role='searchbox'], input[type='search']";

/** Whether the key was typed into something that takes text (there "/" is just a character). */
function typingInto(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.matches("input, textarea, select, [role='combobox'], [role='textbox']");
}

/** "/" anywhere on the page (but in a field) focuses the page's search field, as on GitHub and Gmail. */
export function useSlashToSearch(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented || typingInto(e.target)) return;
      // A modal dialog is open: its own fields come first, the page behind it is not searched.
      if (document.querySelector("[role='dialog'][aria-modal='true'], dialog[open]")) return;
      const field = [...document.querySelectorAll<HTMLElement>(SEARCH_SELECTOR)].find((el) => el.offsetParent !== null);
      if (!field) return;
      e.preventDefault();
      field.focus();
      if (field instanceof HTMLInputElement) field.select();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);
}
