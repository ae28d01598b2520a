import type { Page, PageScreenshotOptions } from "@playwright/test";

/**
 * Pictures of pages for a person to look at (the design review, the README's pictures). They prove nothing by
 * themselves and a full-page capture costs a second of CPU on a busy machine, so a plain run (CI) takes none:
 * `VOLDECK_SHOTS=1 npm test` (or VOLDECK_README_SHOTS=1) takes them. Failures get theirs from Playwright anyway.
 */
export const SHOTS_WANTED = process.env.VOLDECK_SHOTS === "1" || process.env.VOLDECK_README_SHOTS === "1";

export async function screenshot(page: Page, options: PageScreenshotOptions): Promise<void> {
  if (SHOTS_WANTED) await page.screenshot(options);
}
