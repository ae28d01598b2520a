import { request, type FullConfig } from "@playwright/test";

// Per run (scripts/run-tests.mjs sets VOLDECK_E2E_DIR), so two runs side by side never share a session.
export const E2E_DIR = process.env.VOLDECK_E2E_DIR ?? "test-results";
export const ADMIN_STATE = `${E2E_DIR}/.auth/admin.json`;

// Signs in once as the admin that VOLDECK_ADMIN_PASSWORD created; specs start with that session.
export default async function globalSetup(config: FullConfig) {
  const baseURL = config.projects[0].use.baseURL!;
  const password = process.env.VOLDECK_ADMIN_PASSWORD;
  if (!password) throw new Error("VOLDECK_ADMIN_PASSWORD is not set: run the e2e tests through scripts/run-tests.mjs");
  const context = await request.newContext({ baseURL });
  const res = await context.post("/api/auth/login", { data: { username: "admin", password } });
  if (!res.ok()) throw new Error(`signing in as admin failed: ${res.status()} ${await res.text()}`);
  await context.storageState({ path: ADMIN_STATE });
  await context.dispose();
}
