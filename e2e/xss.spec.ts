// XSS: text that came from the engine (volume labels and driver options, container labels, compose project
// names, mount paths) is shown as text, never run as markup. Volume and container names are limited by the
// engine to [a-zA-Z0-9][a-zA-Z0-9_.-], so the payloads go where the engine takes any text.
// Three ways to see a failure, since the CSP alone would stop the inline handlers even if markup got in:
// the payload's elements must not exist in the page, its text must be shown literally, and no script may have
// run (window.__xss, a dialog) nor any CSP violation be reported (a blocked injection is still an injection).
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

const IMG = `<img src=x id=xss-img onerror="window.__xss=1">`;
const SCRIPT = `<script id=xss-script>window.__xss=2</script>`;
const SVG = `"><svg id=xss-svg onload=alert(3)>`;
const PAYLOADS = [IMG, SCRIPT, SVG];

type Watch = { dialogs: string[]; violations: string[]; errors: string[] };

async function watch(page: Page): Promise<Watch> {
  const w: Watch = { dialogs: [], violations: [], errors: [] };
  page.on("dialog", (d) => {
    w.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on("pageerror", (e) => w.errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy|Refused to/i.test(m.text()) && !/Refused to evaluate a string as JavaScript/.test(m.text()))
      w.violations.push(m.text());
  });
  await page.exposeFunction("__reportViolation", (v: string) => w.violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      // zod probes whether eval works (a caught `new Function("")`) and falls back when it does not; the CSP
      // refuses it, as it should, and reports it. That one probe (no script ran) is not counted here; setting
      // zod's `jitless` in the client would skip it.
      if (e.violatedDirective === "script-src" && e.blockedURI === "eval" && !e.sample) return;
      (window as unknown as { __reportViolation: (v: string) => void }).__reportViolation(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`);
    });
  });
  return w;
}

async function expectNothingRan(page: Page, w: Watch) {
  for (const id of ["xss-img", "xss-script", "xss-svg"]) await expect(page.locator(`#${id}`)).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(w.dialogs).toEqual([]);
  expect(w.violations).toEqual([]);
  expect(w.errors).toEqual([]);
}

test("payloads in volume labels and driver options are shown as text on the list and the volume's page", async ({
  page,
  docker,
  uniqueName,
  volumesPage,
  volumeDetailPage,
}) => {
  const w = await watch(page);
  const name = docker.trackVolume(uniqueName("xss"));
  // The local driver takes any text as an option value at create time (it is read only when mounted).
  const labels = PAYLOADS.flatMap((p, i) => ["--label", `xss${i}=${p}`]);
  await docker.run(
    "volume",
    "create",
    ...labels,
    "--label",
    `com.docker.compose.project=${IMG}`,
    "-o",
    "type=none",
    "-o",
    `device=/nonexistent/${IMG}`,
    "-o",
    `o=${SCRIPT}`,
    name,
  );

  // Labels are shown in the list's Labels column, which a 1280 px window leaves out: a wide screen.
  await page.setViewportSize({ width: 1440, height: 900 });
  await volumesPage.goto();
  await volumesPage.search.fill(name);
  await expect(volumesPage.row(name)).toContainText(`xss0=${IMG}`);
  await expectNothingRan(page, w);

  await volumeDetailPage.goto(name);
  const main = page.getByRole("main");
  for (const p of PAYLOADS) await expect(main).toContainText(p);
  await expect(page.getByRole("list", { name: "Driver options" })).toContainText(`device=/nonexistent/${IMG}`);
  await expect(page.getByRole("list", { name: "Driver options" })).toContainText(`o=${SCRIPT}`);
  expect((await volumeDetailPage.facts())["Compose project"]).toBe(IMG);
  await expectNothingRan(page, w);
});

test("payloads in container labels, a compose project and a mount path are shown as text on the containers page", async ({
  page,
  docker,
  uniqueName,
  containersPage,
}) => {
  const w = await watch(page);
  const volume = docker.trackVolume(uniqueName("xss-vol"));
  await docker.createVolume(volume);
  const container = uniqueName("xss-ctr");
  // A mount destination is any absolute path: markup fits in one (no ':' in it).
  const destination = `/data/${IMG}`;
  await docker.createContainer(
    container,
    "--label",
    `com.docker.compose.project=${SVG}`,
    "--label",
    `note=${SCRIPT}`,
    "-e",
    `X=${IMG}`,
    "-v",
    `${volume}:${destination}`,
  );

  await containersPage.goto();
  const card = containersPage.card(container);
  await expect(card).toBeVisible();
  await expect(containersPage.group(SVG)).toBeVisible();
  await containersPage.expand(container);
  await expect(containersPage.mounts(container)).toContainText(destination);
  await expectNothingRan(page, w);
});

test("every page of the console renders under the CSP without a violation", async ({ page, docker, uniqueName }) => {
  test.setTimeout(240_000); // ten pages on a shared machine
  const w = await watch(page);
  const volume = docker.trackVolume(uniqueName("csp"));
  await docker.createVolume(volume);
  const pages = [
    "/volumes",
    "/engines/local/volumes",
    `/engines/local/volumes/${volume}`,
    "/engines/local/containers",
    "/backups",
    "/schedules",
    "/admin/users",
    "/admin/engines",
    "/admin/tokens",
    "/admin/audit",
  ];
  for (const path of pages) {
    const answer = await page.goto(path);
    expect(answer?.status(), path).toBeLessThan(400);
    await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
    // The stylesheet applied (Tailwind's text-2xl/text-xl): a CSP refusing it leaves the browser's 2em (32px).
    const size = await page
      .getByRole("heading", { level: 1 })
      .first()
      .evaluate((h) => getComputedStyle(h).fontSize);
    expect(["24px", "20px"], `${path}: ${size}`).toContain(size);
  }
  expect(w.violations).toEqual([]);
  expect(w.errors).toEqual([]);
});
