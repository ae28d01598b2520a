import { request, type FullConfig } from "@playwright/test";

export const ADMIN_STATE = "test-results/.auth/admin.json";

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
