// Admin → Notifications: add a webhook channel in the form (bad input refused first), press "Send test", see
// "delivered" — a real receiver (node:http, started here) got the signed JSON — and the delivery's row; then
// delete the channel after confirming.
import { createHmac } from "node:crypto";
import http from "node:http";
import { expect, test } from "./fixtures";

test("add a webhook channel, send a test, see it delivered and listed", async ({ page, uniqueName }) => {
  const got: { body: string; signature: string | undefined }[] = [];
  const receiver = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      got.push({ body, signature: req.headers["x-voldeck-signature"] as string | undefined });
      res.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(receiver.address() as { port: number }).port}/hook`;
  const name = uniqueName("hook");
  try {
    await page.goto("/admin/notifications");
    await expect(page.getByRole("heading", { level: 1, name: "Notifications" })).toBeVisible();
    await page.getByRole("button", { name: "Add channel" }).click();
    const dialog = page.getByRole("dialog", { name: "Add notification channel" });
    await dialog.getByLabel("Name").fill(name);
    await dialog.getByLabel("URL").fill("not a url");
    await dialog.getByRole("button", { name: "Add channel" }).click();
    await expect(dialog.getByLabel("URL")).toHaveAttribute("aria-invalid", "true");
    await dialog.getByLabel("URL").fill(url);
    await dialog.getByLabel("Signing secret").fill("e2e-secret");
    await dialog.getByRole("button", { name: "Add channel" }).click();
    await expect(dialog).toBeHidden();

    const row = page.getByRole("table", { name: "Notification channels" }).getByRole("row").filter({ hasText: name });
    await expect(row).toContainText(url);
    await expect(row).toContainText("signed");
    await row.getByRole("button", { name: `Send test to ${name}` }).click();
    await expect(row.getByRole("status")).toHaveText("delivered");
    expect(got).toHaveLength(1);
    expect(JSON.parse(got[0].body)).toMatchObject({ event: "test" });
    expect(got[0].signature).toBe(`sha256=${createHmac("sha256", "e2e-secret").update(got[0].body).digest("hex")}`);

    const delivery = page.getByRole("table", { name: "Recent deliveries" }).getByRole("row").filter({ hasText: name });
    await expect(delivery.first()).toContainText("test");
    await expect(delivery.first()).toContainText("delivered");

    await row.getByRole("button", { name: `Delete channel ${name}` }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Delete channel" }).click();
    await expect(row).toHaveCount(0);
  } finally {
    await new Promise((r) => receiver.close(r));
  }
});
