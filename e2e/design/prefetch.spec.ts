// Sections are prefetched when a person shows intent (hover, focus), not as their links come into view: a page
// load used to cost a server render per sidebar link (components/ui/IntentLink.tsx).
import { expect, test } from "../fixtures";

test("a page load prefetches no section; hovering or focusing a link prefetches that one only", async ({ page }) => {
  const prefetched = new Set<string>();
  page.on("request", (request) => {
    if (request.headers()["next-router-prefetch"]) prefetched.add(new URL(request.url()).pathname);
  });
  await page.goto("/engines/local/volumes");
  const sections = page.getByRole("navigation", { name: "Sections" });
  const backups = sections.getByRole("link", { name: "Backups" });
  // Hovered again until the page's scripts run (a hover before hydration has no handler yet).
  await expect
    .poll(async () => {
      await page.mouse.move(0, 0);
      await backups.hover();
      return prefetched.has("/backups");
    })
    .toBe(true);
  await sections.getByRole("link", { name: "Schedules" }).focus();
  await expect.poll(() => prefetched.has("/schedules")).toBe(true);
  // By now a viewport prefetch of the other dozen links would long have been sent.
  expect([...prefetched].sort()).toEqual(["/backups", "/schedules"]);

  // And the prefetched section still opens.
  await backups.click();
  await expect(page).toHaveURL(/\/backups$/);
  await expect(page.getByRole("heading", { level: 1, name: "Backups" })).toBeVisible();
});
