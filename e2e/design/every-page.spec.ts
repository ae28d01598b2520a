// Every page at 1440×900 and 390×844, light and dark: no sideways scrolling on the phone, no serious or
// critical accessibility violation (axe), and a screenshot of each to look at, in every run
// (/tmp/e2e-shots/design/<page>-<width>-<theme>.png, or VOLDECK_SHOTS_DIR). With VOLDECK_README_SHOTS=1 the volumes list and a
// volume's page are also saved as the README's pictures (docs/screenshots/).
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import {
  adminHref,
  ALL_VOLUMES_HREF,
  BACKUPS_HREF,
  COVERAGE_HREF,
  engineSectionHref,
  filesHref,
  LOGIN_HREF,
  REPOSITORIES_HREF,
  SCHEDULES_HREF,
  volumeHref,
  volumesHref,
} from "../../lib/routes";
import { seriousViolations } from "../support/axe";
import type { DockerCli } from "../support/docker";
import { SEEDED, seed, unseed } from "./seed";

// VOLDECK_SHOTS_DIR: somewhere else, when several runs take screenshots at once.
const SHOTS = process.env.VOLDECK_SHOTS_DIR ?? "/tmp/e2e-shots/design";
const README_SHOTS = path.resolve(__dirname, "../../docs/screenshots");
const SIZES = [
  { name: "desktop", width: 1440, height: 900 },
  { name: "phone", width: 390, height: 844 },
] as const;
const THEMES = ["light", "dark"] as const;

type PageCase = { id: string; path: string; signedOut?: boolean; readme?: string };
const PAGES: PageCase[] = [
  { id: "volumes", path: volumesHref("local"), readme: "volumes" },
  { id: "all-volumes", path: ALL_VOLUMES_HREF },
  { id: "volume", path: volumeHref("local", SEEDED.db), readme: "volume" },
  { id: "files", path: filesHref("local", SEEDED.db) },
  { id: "containers", path: engineSectionHref("local", "containers") },
  { id: "services", path: engineSectionHref("local", "services") },
  { id: "backups", path: BACKUPS_HREF },
  { id: "schedules", path: SCHEDULES_HREF },
  { id: "repositories", path: REPOSITORIES_HREF },
  { id: "coverage", path: COVERAGE_HREF },
  { id: "admin-engines", path: adminHref("engines") },
  { id: "admin-users", path: adminHref("users") },
  { id: "admin-tokens", path: adminHref("tokens") },
  { id: "admin-audit", path: adminHref("audit") },
  { id: "admin-notifications", path: adminHref("notifications") },
  { id: "sign-in", path: LOGIN_HREF, signedOut: true },
  { id: "not-found", path: "/no-such-page" },
];

let docker: DockerCli | undefined;
test.beforeAll(async ({ baseURL }) => {
  test.setTimeout(120_000);
  docker = await seed(baseURL!);
});
test.afterAll(async ({ baseURL }) => {
  if (docker) await unseed(baseURL!, docker);
});

/** Waits until the page has its heading and has stopped loading (no spinner left). */
async function settled(page: Page): Promise<void> {
  await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible({ timeout: 20_000 });
  await expect(page.locator("[role=status] .animate-spin")).toHaveCount(0, { timeout: 20_000 });
  // Relative times and the stored theme are applied once the page runs.
  await page.waitForFunction(() => document.documentElement.classList.contains("light") || document.documentElement.classList.contains("dark"));
}

async function open(browser: Browser, c: PageCase, size: (typeof SIZES)[number]) {
  const context = await browser.newContext({
    viewport: { width: size.width, height: size.height },
    colorScheme: "light",
    ...(c.signedOut ? { storageState: { cookies: [], origins: [] } } : {}),
  });
  const page = await context.newPage();
  await page.goto(c.path);
  await settled(page);
  return { context, page };
}

// Only colours differ between the themes: the dark pass runs axe's colour rules, the light pass all of them.
const COLOUR_RULES = ["color-contrast", "link-in-text-block"];

// VOLDECK_DESIGN_PAGES=coverage,admin-audit: only those pages (a quicker loop by hand while one page changes).
const ONLY = (process.env.VOLDECK_DESIGN_PAGES ?? "").split(",").filter(Boolean);

for (const c of PAGES.filter((p) => !ONLY.length || ONLY.includes(p.id))) {
  test(`page "${c.id}": no sideways scroll on a phone, no serious accessibility violation, light and dark`, async ({ browser }) => {
    test.setTimeout(180_000);
    await mkdir(SHOTS, { recursive: true });
    for (const size of SIZES) {
      const { context, page } = await open(browser, c, size);
      try {
        for (const theme of THEMES) {
          const where = `${c.id} at ${size.width} px, ${theme}`;
          // The OS switches to dark: every page follows at once, without a reload (the inline theme script's
          // listener), as it does for a user; the html class says which theme applies.
          if (theme === "dark") await page.emulateMedia({ colorScheme: "dark" });
          await expect(page.locator("html"), where).toHaveClass(new RegExp(`\\b${theme}\\b`));
          const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
          expect.soft(widths.scroll, `${where}: the page is ${widths.scroll} px wide`).toBeLessThanOrEqual(widths.inner);
          const bad = await seriousViolations(page, theme === "dark" ? COLOUR_RULES : undefined);
          expect.soft(bad, `${where}: accessibility violations`).toEqual([]);
          // Always: these are the design review's pictures (the other specs take theirs only with VOLDECK_SHOTS=1).
          await page.screenshot({ path: path.join(SHOTS, `${c.id}-${size.width}-${theme}.png`), fullPage: true });
          if (c.readme && process.env.VOLDECK_README_SHOTS === "1") {
            await mkdir(README_SHOTS, { recursive: true });
            await page.screenshot({ path: path.join(README_SHOTS, `${c.readme}-${size.name}-${theme}.png`) });
          }
        }
      } finally {
        await context.close();
      }
    }
  });
}
