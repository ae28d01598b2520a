// The pages of issue 11's part d (containers, services, files, admin engines/users/audit) at desktop and phone
// size, light and dark: no sideways page scroll at 390 px, no serious or critical axe violation, and a screenshot
// of each to look at (/tmp/e2e-shots/look-*.png).
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./fixtures";

const sizes = [
  { name: "desktop", width: 1440, height: 900 },
  { name: "phone", width: 390, height: 844 },
] as const;

test("containers, services, files and admin pages: no overflow, no serious axe violation, in both themes and sizes", async ({
  page,
  docker,
  uniqueName,
  shot,
}) => {
  test.setTimeout(300_000);
  const volume = await docker.createVolume(uniqueName("look"));
  await docker.runSleeper(uniqueName("look-web"), "--label", "com.docker.compose.project=look-shop", "-v", `${volume}:/data`, "--tmpfs", "/run/cache:size=8m");
  await docker.createContainer(uniqueName("look-loose"), "-v", "/anon");
  const pages = [
    { name: "containers", url: "/engines/local/containers", ready: page.getByRole("heading", { level: 1, name: "Containers & mounts" }) },
    { name: "services", url: "/engines/local/services", ready: page.getByRole("heading", { level: 1, name: "Services" }) },
    { name: "files", url: `/engines/local/volumes/${volume}/files`, ready: page.getByRole("heading", { level: 1, name: volume }) },
    { name: "admin-engines", url: "/admin/engines", ready: page.getByRole("heading", { level: 1 }) },
    { name: "admin-users", url: "/admin/users", ready: page.getByRole("heading", { level: 1 }) },
    { name: "admin-audit", url: "/admin/audit", ready: page.getByRole("heading", { level: 1 }) },
  ];
  const problems: string[] = [];
  for (const size of sizes) {
    await page.setViewportSize({ width: size.width, height: size.height });
    for (const scheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const p of pages) {
        await page.goto(p.url);
        await expect(p.ready).toBeVisible();
        await page.waitForLoadState("networkidle");
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        if (size.name === "phone" && overflow > 0) problems.push(`${p.name} ${size.name} ${scheme}: ${overflow}px sideways`);
        const axe = await new AxeBuilder({ page }).analyze();
        for (const v of axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical"))
          problems.push(
            `${p.name} ${size.name} ${scheme}: ${v.id} (${v.impact}) ${v.nodes
              .map((n) => n.target.join(" "))
              .slice(0, 3)
              .join(", ")}`,
          );
        await shot(`look-${p.name}-${size.name}-${scheme}`);
      }
    }
  }
  expect(problems).toEqual([]);
});
