// The colour theme: "system" follows the OS, "light"/"dark" are the person's choice, kept in localStorage.
// <html> always carries class "light" or "dark" (app/globals.css themes by it, and Tailwind's dark: variant
// follows it). THEME_SCRIPT runs inline in <head> before the first paint (app/layout.tsx gives it the CSP
// nonce), so a dark page never flashes white; applyTheme does the same afterwards, when the choice changes.
// While the choice is "system" (data-theme on <html>), the script's listener follows the OS as it changes, on
// every page (the sign-in and error pages have no theme menu).
// The script is a string, not a function's source, so that minification cannot change what runs.

export type ThemeChoice = "system" | "light" | "dark";
export const THEMES: ThemeChoice[] = ["system", "light", "dark"];
export const THEME_KEY = "voldeck-theme";
/** The sidebar's collapsed state, also applied before paint (as data-sidebar on <html>). */
export const SIDEBAR_KEY = "voldeck-sidebar";

// It also hands this page's CSP nonce to <style> elements made by script: libraries (sonner) inject their CSS
// that way, and the CSP (scripts/server/edge.mjs) refuses a <style> without the nonce. Only running script can
// call createElement, and every script here is already trusted by the nonce ('strict-dynamic'); markup an
// attacker might inject gets no nonce. (Sonner's CSS is also served as a file, app/layout.tsx.)
export const THEME_SCRIPT = `(function(){try{var n=document.currentScript&&document.currentScript.nonce;if(n){var c=Document.prototype.createElement;Document.prototype.createElement=function(t,o){var e=c.call(this,t,o);if(String(t).toLowerCase()==="style")e.nonce=n;return e}}}catch(e){}try{var d=document.documentElement,t=localStorage.getItem("${THEME_KEY}"),m=window.matchMedia("(prefers-color-scheme: dark)").matches;var k=t==="light"||t==="dark"?t:m?"dark":"light";d.classList.remove("light","dark");d.classList.add(k);d.dataset.theme=t==="light"||t==="dark"?t:"system";if(localStorage.getItem("${SIDEBAR_KEY}")==="collapsed")d.dataset.sidebar="collapsed";window.matchMedia("(prefers-color-scheme: dark)").addEventListener("change",function(e){if(d.dataset.theme==="system"){d.classList.remove("light","dark");d.classList.add(e.matches?"dark":"light")}})}catch(e){}})();`;

const systemDark = () => window.matchMedia("(prefers-color-scheme: dark)").matches;

/** Puts the class for `choice` on <html> (and remembers the choice when `store`). */
export function applyTheme(choice: ThemeChoice, store = false): void {
  const root = document.documentElement;
  const resolved = choice === "system" ? (systemDark() ? "dark" : "light") : choice;
  root.classList.remove("light", "dark");
  root.classList.add(resolved);
  root.dataset.theme = choice;
  if (!store) return;
  try {
    if (choice === "system") localStorage.removeItem(THEME_KEY);
    else localStorage.setItem(THEME_KEY, choice);
  } catch {
    // Private mode without storage: the choice holds for this page only.
  }
}
