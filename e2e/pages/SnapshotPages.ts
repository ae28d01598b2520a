import { expect, type Locator, type Page } from "@playwright/test";

/** The Snapshots part of a volume page's Protection panel, and its dialogs. */
export class VolumeSnapshots {
  constructor(
    readonly page: Page,
    readonly volume: string,
  ) {}

  get section(): Locator {
    return this.page.getByRole("region", { name: "Snapshots", exact: true });
  }

  get rows(): Locator {
    return this.page.getByRole("list", { name: `Snapshots of ${this.volume}` }).getByRole("listitem");
  }

  get snapshotNow(): Locator {
    return this.section.getByRole("button", { name: "Snapshot now" });
  }

  get dialog(): Locator {
    return this.page.getByRole("dialog");
  }

  /** Snapshot now into `repository` (chosen when there are several), and wait for the job to finish. */
  async takeSnapshot(repository: string): Promise<void> {
    await this.snapshotNow.click();
    // The form renders whole (the repository choice only when there are several): once its button shows, the
    // choice is there or is not offered, and isVisible() does not race the dialog's first render.
    const take = this.dialog.getByRole("button", { name: "Take snapshot" });
    await expect(take).toBeVisible();
    const select = this.dialog.getByLabel("Repository");
    if (await select.isVisible()) await select.selectOption(repository);
    await take.click();
    await expect(this.dialog.getByText("Snapshot complete, confirmed in the repository.")).toBeVisible({ timeout: 60_000 });
    await this.dialog.getByRole("button", { name: "Close", exact: true }).click();
    await expect(this.dialog).toBeHidden();
  }
}

/** A snapshot's file browser (/repositories/{id}/snapshots/{sid}). */
export class SnapshotBrowserPage {
  constructor(readonly page: Page) {}

  heading(volume: string): Locator {
    return this.page.getByRole("heading", { level: 1, name: `Snapshot of ${volume}` });
  }

  get table(): Locator {
    return this.page.getByRole("table");
  }

  get dialog(): Locator {
    return this.page.getByRole("dialog");
  }

  async open(dir: string): Promise<void> {
    await this.table.getByRole("link", { name: `${dir}/`, exact: true }).click();
    await expect(this.page.getByRole("navigation", { name: "Folder path" }).getByText(dir, { exact: true })).toBeVisible();
  }

  /** Ticks `names` in the listing, then Restore selected → Replace these paths, and waits for the job to finish. */
  async restoreSelected(names: string[], expectedPaths: string[]): Promise<void> {
    for (const name of names) await this.page.getByRole("checkbox", { name: `Select ${name}` }).check();
    await this.page.getByRole("button", { name: "Restore selected…" }).click();
    await expect(this.dialog.getByRole("list", { name: "Paths to replace" }).getByRole("listitem")).toHaveText(expectedPaths);
    await this.dialog.getByRole("button", { name: "Replace these paths" }).click();
    await expect(this.dialog.getByText("Restore complete.")).toBeVisible({ timeout: 60_000 });
    await this.dialog.getByRole("button", { name: "Close", exact: true }).click();
  }
}
