// The Schedules page and its create/edit dialog, by role and label.
import { expect, type Locator, type Page } from "@playwright/test";

export class ScheduleDialog {
  readonly engine: Locator;
  readonly volume: Locator;
  readonly cron: Locator;
  readonly keepLast: Locator;
  readonly keepDays: Locator;
  readonly create: Locator;

  constructor(readonly root: Locator) {
    this.engine = root.getByLabel("Engine", { exact: true });
    this.volume = root.getByLabel("Volume", { exact: true });
    this.cron = root.getByLabel("Schedule (cron)");
    this.keepLast = root.getByLabel("Keep the last (verified backups)");
    this.keepDays = root.getByLabel("Keep all younger than (days)");
    this.create = root.getByRole("button", { name: "Create schedule" });
  }

  preset(name: string): Locator {
    return this.root.getByRole("group", { name: "Presets" }).getByRole("button", { name });
  }
}

export class SchedulesPage {
  readonly heading: Locator;
  readonly newSchedule: Locator;
  readonly failures: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { name: "Scheduled backups", level: 1 });
    // The header's button; an empty list offers a second one of the same name.
    this.newSchedule = page.getByRole("button", { name: "New schedule" }).first();
    this.failures = page.getByRole("alert").filter({ hasText: /scheduled backups? failed/ });
  }

  async goto(): Promise<void> {
    await this.page.goto("/schedules");
    await expect(this.heading).toBeVisible();
  }

  async openNew(): Promise<ScheduleDialog> {
    await this.newSchedule.click();
    const root = this.page.getByRole("dialog", { name: "New backup schedule" });
    await expect(root).toBeVisible();
    return new ScheduleDialog(root);
  }

  /** A row's menu item (Pause, Resume, Edit…, Delete…), with the menu opened. */
  async menu(row: Locator, volume: string, item: string): Promise<Locator> {
    await row.getByRole("button", { name: `More actions for the schedule of ${volume} on local` }).click();
    return this.page.getByRole("menuitem", { name: new RegExp(`^${item}`) });
  }

  row(volume: string): Locator {
    return this.page.getByRole("listitem").filter({ has: this.page.getByRole("link", { name: volume, exact: true }) });
  }
}
