import { expect, test } from "./fixtures";

// Each preset's labelled fields become the local driver's options; the engine is asked what it stored. NFS and
// CIFS volumes can be created without a server: only mounting them would fail.
const cases = [
  {
    preset: "NFS",
    fill: { "NFS server": "nas.invalid", "Exported directory": "/exports/data" },
    options: { type: "nfs", o: "addr=nas.invalid,rw,nfsvers=4", device: ":/exports/data" },
  },
  {
    preset: "CIFS / SMB",
    fill: { "SMB server": "files.invalid", Share: "backup", "User name": "svc", Password: "pa$$word" },
    options: { type: "cifs", o: "addr=files.invalid,username=svc,password=pa$$word,vers=3.0", device: "//files.invalid/backup" },
  },
  {
    preset: "tmpfs (memory)",
    fill: { "Size limit": "64m", Mode: "1770" },
    options: { type: "tmpfs", device: "tmpfs", o: "size=64m,mode=1770" },
  },
  {
    preset: "Bind a host directory",
    fill: { "Host directory": "/tmp" },
    options: { type: "none", o: "bind", device: "/tmp" },
  },
] as const;

for (const c of cases) {
  test(`create dialog, preset ${c.preset}: its fields become the driver options the engine keeps`, async ({
    docker,
    uniqueName,
    volumesPage,
    volumeDetailPage,
    page,
  }) => {
    const name = docker.trackVolume(uniqueName("preset"));
    await volumesPage.goto();
    const dialog = await volumesPage.openCreate();
    await dialog.name.fill(name);
    await dialog.root.getByRole("radio", { name: c.preset, exact: true }).check();
    for (const [label, value] of Object.entries(c.fill)) await dialog.root.getByLabel(label, { exact: true }).fill(value);
    await dialog.submit.click();
    await expect(page).toHaveURL(volumeDetailPage.path(name));
    const stored = await docker.inspectVolume(name);
    expect(stored?.Driver).toBe("local");
    expect(stored?.Options).toEqual(c.options);
  });
}

test("create dialog: a preset's required field is asked for in the form, and nothing reaches the engine", async ({ docker, volumesPage }) => {
  await volumesPage.goto();
  const before = await docker.volumeNames();
  const dialog = await volumesPage.openCreate();
  await dialog.root.getByRole("radio", { name: "NFS", exact: true }).check();
  await dialog.root.getByLabel("NFS server", { exact: true }).fill("a,b");
  await dialog.submit.click();
  const server = dialog.root.getByLabel("NFS server", { exact: true });
  await expect(server).toHaveAttribute("aria-invalid", "true");
  await expect(server).toHaveAccessibleDescription("The server cannot contain commas, '=' or spaces.");
  await expect(dialog.root.getByLabel("Exported directory", { exact: true })).toHaveAccessibleDescription(/Give the exported directory/);
  expect(await docker.volumeNames()).toEqual(before);
});
