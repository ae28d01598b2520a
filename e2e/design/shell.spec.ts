// The console's frame: the theme choice (remembered, and applied before the first paint by the inline script
// the server's HTML carries with the CSP nonce), the phone's navigation drawer, the skip link and "/" to search.
import { expect, test } from "../fixtures";
import { ShellHeader } from "../pages/AuthPages";
import { screenshot } from "../support/shots";

const VOLUMES = "/engines/local/volumes";

test("the theme script is in the server's HTML with this response's CSP nonce", async ({ page }) => {
  const res = await page.request.get(VOLUMES);
  const csp = res.headers()["content-security-policy"] ?? "";
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce).toBeTruthy();
  const html = await res.text();
  // Inline in <head> (Next.js puts its meta and links first): it runs before <body> is parsed, so before paint.
  const head = html.slice(html.indexOf("<head>"), html.indexOf("</head>"));
  expect(head).toContain(`<script nonce="${nonce}">(function(){`);
  expect(head).toMatch(/<script nonce="[^"]+">\(function\(\)\{[^<]*voldeck-theme/);
});

test("a chosen theme is remembered and on <html> before the body is parsed (no flash), whatever the OS says", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto(VOLUMES);
  await expect(page.locator("html")).toHaveClass(/\blight\b/);
  await page.getByRole("button", { name: /^Theme: / }).click();
  await page.getByRole("menuitemradio", { name: "Dark" }).click();
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  expect(await page.evaluate(() => localStorage.getItem("voldeck-theme"))).toBe("dark");

  // Records <html>'s class at the moment <body> starts: the inline script must have run by then.
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (!document.body) return;
      (window as unknown as { __classAtBody: string }).__classAtBody = document.documentElement.className;
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  });
  await page.reload();
  expect(await page.evaluate(() => (window as unknown as { __classAtBody?: string }).__classAtBody)).toMatch(/\bdark\b/);
  await expect(page.getByRole("button", { name: "Theme: dark" })).toBeVisible();

  // Back to "system": the OS decides again.
  await page.getByRole("button", { name: "Theme: dark" }).click();
  await page.getByRole("menuitemradio", { name: "System" }).click();
  await expect(page.locator("html")).toHaveClass(/\blight\b/);
  expect(await page.evaluate(() => localStorage.getItem("voldeck-theme"))).toBeNull();
});

test("on a phone the sections are in a drawer: focus stays inside, Escape and following a link close it", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(VOLUMES);
  const header = new ShellHeader(page);
  await expect(header.nav).toHaveCount(0); // the wide sidebar is not shown
  const opener = page.getByRole("button", { name: "Open navigation" });
  await opener.click();
  const drawer = page.getByRole("dialog");
  await expect(drawer.getByRole("navigation", { name: "Sections" })).toBeVisible();
  for (let i = 0; i < 15; i++) await page.keyboard.press("Tab");
  expect(await drawer.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  await page.keyboard.press("Escape");
  await expect(drawer).toHaveCount(0);
  await expect(opener).toBeFocused();

  await opener.click();
  await page.getByRole("dialog").getByRole("link", { name: "Backups" }).click();
  await expect(page).toHaveURL(/\/backups$/);
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await screenshot(page, { path: "/tmp/e2e-shots/design/drawer-closed-390.png" });
});

test("the first Tab reaches 'Skip to content', which moves focus to the page", async ({ page }) => {
  await page.goto(VOLUMES);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();
});

test("'/' focuses the page's search field, but is typed as a character inside a field", async ({ page }) => {
  await page.goto(VOLUMES);
  const search = page.getByRole("searchbox").first();
  await expect(search).toBeVisible();
  await page.locator("body").click({ position: { x: 5, y: 300 } });
  await page.keyboard.press("/");
  await expect(search).toBeFocused();
  await page.keyboard.type("a/b");
  await expect(search).toHaveValue("a/b");
});
