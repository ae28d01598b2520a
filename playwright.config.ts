import { defineConfig } from "@playwright/test";
import { ADMIN_STATE, E2E_DIR } from "./e2e/global-setup";

// Run by scripts/run-tests.mjs, which starts a private engine and the console and sets VOLDECK_URL.
// Standalone (`npx playwright test`) it starts the console itself against DOCKER_HOST.
const baseURL = process.env.VOLDECK_URL ?? "http://127.0.0.1:3123";

export default defineConfig({
  testDir: "e2e",
  outputDir: `${E2E_DIR}/output`,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  // How long an expectation waits for the page. A quiet machine shows a volume page's data 2.5 s after the
  // navigation began, most of it the browser's own script and render work (software-rendered, no GPU); CI runs
  // two browsers beside four stacks on two cores, and stop 32's run failed two expectations at 10 s there that
  // pass in 2.5-4 s here. Waiting longer changes no outcome, only how soon a real failure is reported; speed is
  // measured by the benches, not here.
  expect: { timeout: 20_000 },
  reporter: "list",
  globalSetup: "./e2e/global-setup.ts",
  use: {
    baseURL,
    storageState: ADMIN_STATE,
    // Recording a trace (screencast and DOM snapshots of every step) costs the whole run about a quarter of its
    // time on two cores; VOLDECK_E2E_TRACE=1 records one for each failing test (e2e output dir).
    trace: process.env.VOLDECK_E2E_TRACE === "1" ? "retain-on-failure" : "off",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage"],
    },
  },
  webServer: {
    command: "PORT=3123 node scripts/start.mjs",
    url: `${baseURL}/api/health`,
    reuseExistingServer: true,
    timeout: 60_000,
  },
});
