// The benches' browser: Debian's Chromium (Playwright cannot download its own here), with the flags this
// machine needs, and a context signed in to the console as its admin.
import { chromium } from "@playwright/test";

export function launchChromium() {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  });
}

/** A new context of `browser` on the console `app` (scripts/bench/harness.mjs startConsole), signed in as admin. */
export async function signedInContext(browser, app, options = {}) {
  const context = await browser.newContext({ baseURL: app.url, ...options });
  const login = await context.request.post("/api/auth/login", { data: { username: "admin", password: app.env.VOLDECK_ADMIN_PASSWORD } });
  if (!login.ok()) throw new Error(`login failed: ${login.status()}`);
  return context;
}
