// Issue 11, live data that never lies, on a hung engine (SIGSTOP: it takes connections and says nothing):
// the header's live word and the switcher's dot agree (neither stays green), and a freshly opened volume page
// says in its own content that it waits on the engine, then loads once the engine answers. The engine is
// always continued (SIGCONT) after each test, whatever happened.
import { randomBytes } from "node:crypto";
import type { Locator, Page } from "@playwright/test";
import { expect, test } from "../fixtures";
import { VolumeDetailPage } from "../pages/VolumeDetailPage";
import { DockerCli } from "../support/docker";
import { spareDockerHost, startSpareEngine, type TestEngine } from "../support/spare-engine";

test.describe.configure({ timeout: 120_000 });

const VOLUME = `vde-live-truth-${randomBytes(3).toString("hex")}`;
let engine: (TestEngine & { pid: number }) | undefined;
let paused = false;

function pause(): void {
  process.kill(engine!.pid, "SIGSTOP");
  paused = true;
}
function resume(): void {
  if (paused && engine) process.kill(engine.pid, "SIGCONT");
  paused = false;
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  engine = (await startSpareEngine()) as TestEngine & { pid: number };
  await new DockerCli(spareDockerHost()).run("volume", "create", VOLUME);
});
test.afterEach(resume);
test.afterAll(async () => {
  resume();
  await engine?.stop();
});

/** The colour of a status dot: "ok" (green), "warn", "danger", "fg-subtle" (connecting). */
async function tone(dot: Locator): Promise<string> {
  const cls = (await dot.getAttribute("class")) ?? "";
  return /\bbg-(ok|warn|danger|fg-subtle)\b/.exec(cls)?.[1] ?? `none (${cls})`;
}

/** What the header says about the page's engine: its live word (the indicator's title) and both dots. */
async function liveState(page: Page): Promise<{ word: string | null; header: string; switcher: string }> {
  const banner = page.getByRole("banner");
  const indicator = banner.locator('[title^="Engine: "]');
  const switcherDot = banner.getByRole("button", { name: /^Engine / }).locator(".rounded-full");
  return { word: await indicator.getAttribute("title"), header: await tone(indicator.locator(".rounded-full")), switcher: await tone(switcherDot) };
}

const LIVE = { word: "Engine: live", header: "ok", switcher: "ok" };

test("the header's live word and the switcher's dot agree: neither is green while the engine hangs, both once it answers", async ({ page }) => {
  await page.goto("/engines/spare/volumes");
  await expect(page.getByRole("banner").getByRole("button", { name: /^Engine / })).toHaveAccessibleName(/^Engine spare\b/);
  await expect.poll(() => liveState(page), { timeout: 30_000 }).toEqual(LIVE);
  await expect(page.getByRole("banner")).toContainText(", live");

  pause();
  await expect.poll(() => liveState(page), { timeout: 10_000 }).toEqual({ word: "Engine: not responding", header: "warn", switcher: "warn" });
  await expect(page.getByRole("banner")).not.toContainText(", live");

  resume();
  await expect.poll(() => liveState(page), { timeout: 20_000 }).toEqual(LIVE);
  await expect(page.getByRole("banner")).toContainText(", live");
});

test("a volume page opened on a hung engine says in its content that it waits on the engine, then loads after SIGCONT", async ({ page }) => {
  const detail = new VolumeDetailPage(page, "spare");
  pause();
  await page.goto(detail.path(VOLUME));
  const main = page.getByRole("main");
  // The page's own Loading state (not the header's "not responding" nor the banner above <main>).
  const waiting = main.getByRole("status").filter({ hasText: /Still waiting for the engine/ });
  // The page says so after 4 s of waiting; hydrating it first can take seconds more when CI runs four stacks on
  // two cores, so 20 s, not the default 10.
  await expect(waiting).toBeVisible({ timeout: 20_000 });
  await expect(main.getByRole("term").filter({ hasText: /^Created$/ })).toHaveCount(0);

  resume();
  await expect(main.getByRole("term").filter({ hasText: /^Created$/ })).toBeVisible({ timeout: 30_000 });
  await expect(waiting).toHaveCount(0);
  await expect(detail.heading(VOLUME)).toBeVisible();
});
