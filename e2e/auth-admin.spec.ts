// The admin pages, signed in as the admin: the audit trail showing a prune just made, users, API tokens,
// and changing one's own password.
import { expect, test } from "./auth-fixtures";
import { LoginPage, ShellHeader } from "./pages/AuthPages";

test("the audit page shows a prune made a moment ago, with the removed volume, without reloading", async ({
  page,
  docker,
  uniqueName,
  auditAdmin,
  baseURL,
  shot,
}) => {
  const volume = uniqueName("audit-pruned");
  await docker.createVolume(volume);
  await auditAdmin.goto();

  // The prune, as the admin's own session (the page's cookie) would make it.
  const res = await page.request.post("/api/engines/local/volumes/prune", { data: { volumes: [volume] }, headers: { Origin: new URL(baseURL!).origin } });
  expect(await res.json()).toMatchObject({ removed: [volume] });

  const row = auditAdmin.rows("volume.prune").filter({ hasText: volume });
  await expect(row).toBeVisible({ timeout: 15_000 }); // the page refreshes itself every 5 s
  await expect(auditAdmin.rows("volume.prune").first()).toContainText(volume); // newest first
  const cells = row.getByRole("cell");
  await expect(cells.nth(1)).toHaveText("admin"); // who
  await expect(row).toContainText("local");
  // The outcome in a word, the HTTP status set apart; the action in words over its key.
  await expect(row.getByTitle("HTTP status 200")).toHaveText(/^ok\s*200$/);
  await expect(row.getByRole("rowheader")).toHaveText(/^Unused volumes pruned\s*volume\.prune$/);
  // The summary is the row's disclosure button; its details (the stored JSON) open below the row.
  const summary = row.getByRole("button", { name: `removed 1: ${volume}` });
  await expect(summary).toHaveAttribute("aria-expanded", "false");
  await summary.click();
  await expect(summary).toHaveAttribute("aria-expanded", "true");
  await expect((await auditAdmin.detail(row)).locator("pre")).toContainText(new RegExp(`"removed": \\[\\s*"${volume}"\\s*\\]`));
  await shot("auth-audit-prune");

  await auditAdmin.filter.fill("volume.prune admin");
  await expect(row).toBeVisible();
  await expect(auditAdmin.table.getByRole("rowheader").filter({ hasNotText: "volume.prune" })).toHaveCount(0);
  await auditAdmin.filter.fill("no-such-action-anywhere");
  await expect(page.getByText("No loaded entry matches this filter.")).toBeVisible();
});

test("the audit page names an API token in words, not by its internal principal", async ({ adminApi, uniqueName, docker, auditAdmin }) => {
  const volume = docker.trackVolume(uniqueName("audit-by-token"));
  // The environment's token (VOLDECK_API_TOKEN) creates a volume: the audit line's actor is "token:VOLDECK_API_TOKEN".
  expect((await adminApi.post("/api/engines/local/volumes", { data: { name: volume } })).status()).toBe(201);
  await auditAdmin.goto();
  const row = auditAdmin.rows("volume.create").filter({ hasText: volume });
  await expect(row).toBeVisible({ timeout: 15_000 });
  const who = row.getByRole("cell").nth(1);
  await expect(who).toHaveText("API token (from the environment)");
  await expect(who).not.toContainText("token:");
  // The filter finds it by the words shown as well as by the stored principal.
  await auditAdmin.filter.fill(`environment ${volume}`);
  await expect(row).toBeVisible();
  await auditAdmin.filter.fill(`token:VOLDECK_API_TOKEN ${volume}`);
  await expect(row).toBeVisible();
});

test("users: add (checked before sending), refusals from the server, change role, reset password, remove", async ({
  page,
  usersAdmin,
  adminApi,
  uniqueName,
  shot,
}) => {
  const name = uniqueName("user");
  const password = "a-long-enough-password";
  await usersAdmin.goto();
  await expect(usersAdmin.row("admin")).toContainText("(you)");

  let dialog = await usersAdmin.openAdd();
  await dialog.getByRole("textbox", { name: "User name" }).fill(name);
  await dialog.getByRole("combobox", { name: "Role" }).selectOption("operator");
  await dialog.getByLabel("Password", { exact: true }).fill("short");
  await dialog.getByLabel("Repeat the password").fill("short-typo");
  await dialog.getByRole("button", { name: "Add user" }).click();
  // Each problem on its own field, in the server's words; the first one gets the focus.
  const passwordField = dialog.getByLabel("Password", { exact: true });
  await expect(passwordField).toHaveAttribute("aria-invalid", "true");
  await expect(passwordField).toHaveAccessibleDescription("A password has at least 12 characters.");
  await expect(passwordField).toBeFocused();
  await expect(dialog.getByLabel("Repeat the password")).toHaveAccessibleDescription("The two passwords differ.");
  await dialog.getByLabel("Password", { exact: true }).fill(password);
  await dialog.getByLabel("Repeat the password").fill(password);
  await dialog.getByRole("button", { name: "Add user" }).click();
  await expect(dialog).toBeHidden();
  await expect(usersAdmin.row(name)).toContainText("operator");

  // The same name again: the server's refusal is shown in the dialog.
  dialog = await usersAdmin.openAdd();
  await dialog.getByRole("textbox", { name: "User name" }).fill(name);
  await dialog.getByLabel("Password", { exact: true }).fill(password);
  await dialog.getByLabel("Repeat the password").fill(password);
  await dialog.getByRole("button", { name: "Add user" }).click();
  // The server's conflict is about the name: it shows on the name field.
  await expect(dialog.getByRole("textbox", { name: "User name" })).toHaveAttribute("aria-invalid", "true");
  await expect(dialog.getByRole("textbox", { name: "User name" })).toHaveAccessibleDescription(`A user named "${name}" already exists.`);
  await shot("auth-users-duplicate");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();

  // The last admin cannot step down.
  dialog = await usersAdmin.open("Change role of", "admin", "Change the role of admin");
  await dialog.getByRole("combobox", { name: "New role" }).selectOption("viewer");
  await dialog.getByRole("button", { name: "Save role" }).click();
  await expect(dialog.getByRole("alert")).toContainText("This is the last admin");
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(usersAdmin.row("admin").getByRole("cell").first()).toHaveText("admin");

  dialog = await usersAdmin.open("Change role of", name, `Change the role of ${name}`);
  await dialog.getByRole("combobox", { name: "New role" }).selectOption("viewer");
  await dialog.getByRole("button", { name: "Save role" }).click();
  await expect(dialog).toBeHidden();
  await expect(usersAdmin.row(name).getByRole("cell").first()).toHaveText("viewer");

  dialog = await usersAdmin.open("Reset password of", name, `Reset the password of ${name}`);
  await dialog.getByLabel("New password", { exact: true }).fill(`${password}-2`);
  await dialog.getByLabel("Repeat the new password").fill(`${password}-2`);
  await dialog.getByRole("button", { name: "Set password" }).click();
  await expect(dialog).toBeHidden();
  const login = await adminApi.post("/api/auth/login", { data: { username: name, password: `${password}-2` } });
  expect(login.status()).toBe(200);

  dialog = await usersAdmin.open("Remove user", name, `Remove user ${name}?`);
  await expect(dialog).toContainText("will no longer be able to sign in");
  await dialog.getByRole("button", { name: "Remove user" }).click();
  await expect(dialog).toBeHidden();
  await expect(usersAdmin.row(name)).toHaveCount(0);
  await shot("auth-users");
});

test("API tokens: created with the secret shown once (copied), used, then revoked", async ({
  page,
  context,
  tokensAdmin,
  uniqueName,
  baseURL,
  playwright,
  shot,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(baseURL!).origin });
  const name = uniqueName("token");
  await tokensAdmin.goto();
  await tokensAdmin.createButton.click();
  let dialog = tokensAdmin.dialog("Create API token");
  // Refused in the form: no name, and "On a date…" without a day; each on its field, the first one focused.
  await dialog.getByRole("combobox", { name: "Expires" }).selectOption("date");
  await dialog.getByRole("button", { name: "Create token" }).click();
  await expect(dialog.getByRole("textbox", { name: "Name" })).toHaveAccessibleDescription("Give the token a name.");
  await expect(dialog.getByRole("textbox", { name: "Name" })).toBeFocused();
  await expect(dialog.getByLabel("Last day it works")).toHaveAttribute("aria-invalid", "true");
  await expect(dialog.getByLabel("Last day it works")).toHaveAccessibleDescription("Pick a day from today on.");
  await dialog.getByRole("combobox", { name: "Expires" }).selectOption("never");
  await dialog.getByRole("textbox", { name: "Name" }).fill(name);
  await dialog.getByRole("combobox", { name: "Role" }).selectOption("viewer");
  await dialog.getByRole("button", { name: "Create token" }).click();

  dialog = tokensAdmin.dialog(`Token ${name} created`);
  await expect(dialog).toContainText("Copy this token now: you won't see it again.");
  const secret = await dialog.getByRole("textbox", { name: "API token" }).inputValue();
  expect(secret).toMatch(/^vdk_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
  await dialog.getByRole("button", { name: "Copy" }).click();
  await expect(dialog.getByRole("status").filter({ hasText: "clipboard" })).toHaveText("Copied to the clipboard.");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
  await shot("auth-token-secret");
  await dialog.getByRole("button", { name: "I have copied it" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("textbox", { name: "API token" })).toHaveCount(0);

  const row = tokensAdmin.row(name);
  await expect(row).toContainText("viewer");
  await expect(row).toContainText("active");
  const script = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { Authorization: `Bearer ${secret}` },
    storageState: { cookies: [], origins: [] },
  });
  expect((await script.get("/api/auth/me")).status()).toBe(200);

  await row.getByRole("button", { name: `Revoke token ${name}` }).click();
  dialog = tokensAdmin.dialog(`Revoke token ${name}?`);
  await dialog.getByRole("button", { name: "Revoke token" }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText("revoked");
  await expect(row.getByRole("button", { name: /Revoke/ })).toHaveCount(0);
  expect((await script.get("/api/auth/me")).status()).toBe(401);
  await script.dispose();
  await shot("auth-tokens");
});

test("change my password: the wrong current one is refused; then other sessions end and this one stays", async ({ makeUser, signedOutContext }) => {
  const user = await makeUser("operator");
  const pages = [];
  for (let i = 0; i < 2; i++) {
    const page = await (await signedOutContext()).newPage();
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn(user.username, user.password);
    await expect(page).toHaveURL(/\/volumes$/);
    pages.push(page);
  }
  const [mine, other] = pages;
  const header = new ShellHeader(mine);
  await header.changePassword.click();
  const dialog = mine.getByRole("dialog", { name: "Change my password" });
  await dialog.getByLabel("Current password").fill("not my password");
  await dialog.getByLabel("New password", { exact: true }).fill("my-new-password-1");
  await dialog.getByLabel("Repeat the new password").fill("my-new-password-1");
  await dialog.getByRole("button", { name: "Change password" }).click();
  await expect(dialog.getByRole("alert")).toContainText("The current password is not right.");
  // The server's per-field issue lands on the field it names (the browser cannot know the password is wrong).
  await expect(dialog.getByLabel("Current password")).toHaveAttribute("aria-invalid", "true");
  await expect(dialog.getByLabel("Current password")).toHaveAccessibleDescription("Not right.");

  await dialog.getByLabel("Current password").fill(user.password);
  await dialog.getByRole("button", { name: "Change password" }).click();
  await expect(dialog.getByRole("status")).toContainText("Your password was changed.");
  await dialog.getByRole("button", { name: "Close" }).click();

  await mine.reload();
  await expect(mine.getByRole("heading", { level: 1, name: "Volumes" })).toBeVisible();
  // The other page may find out by itself first (its live data gets 401 and it goes to the sign-in page,
  // app/providers.tsx), and that navigation aborts a reload under way: either way it ends on the sign-in page.
  await other.reload().catch((e: Error) => {
    if (!/ERR_ABORTED|frame was detached/.test(e.message)) throw e;
  });
  await expect(other).toHaveURL(/\/login$/);
});
