import { expect, type Locator, type Page } from "@playwright/test";

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The backups page: the catalog (search, filters, one group per volume), jobs and the upload form. */
export class BackupsPage {
  readonly heading: Locator;
  readonly table: Locator;
  readonly upload: UploadForm;
  readonly jobs: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1, name: "Backups" });
    this.table = page.getByRole("list", { name: "Backups per volume" });
    this.upload = new UploadForm(page.getByRole("form", { name: "Upload an archive" }));
    this.jobs = page.getByRole("region", { name: /^Jobs/ });
  }

  async goto(): Promise<void> {
    await this.page.goto("/backups");
    await expect(this.heading).toBeVisible();
    await expect(this.page.getByRole("status").filter({ hasText: "Loading backups…" })).toHaveCount(0);
  }

  /**
   * A job's row in the jobs table, by its title ("Backup of pgdata"). Its name is the row's header where the table
   * has columns; in the side column each job is a card, one cell that begins with that title (DataTable's cards have
   * no rowheader).
   */
  jobRow(title: string): Locator {
    const name = new RegExp(`^${escape(title)}( |$)`);
    return this.jobs.getByRole("row").filter({ has: this.page.getByRole("rowheader", { name }).or(this.page.getByRole("cell", { name })) });
  }

  /** The rows of a volume's backups (inside its group, opened when closed). */
  rows(volume: string): Locator {
    return this.table.getByRole("list", { name: `Backups of ${volume}`, exact: true }).getByRole("listitem");
  }

  /** A volume's group header: a button that opens and closes it. */
  group(volume: string): Locator {
    return this.table.getByRole("button", { name: new RegExp(`^${escape(volume)}\\b`) });
  }

  action(volume: string, action: "Download" | "Restore…"): Locator {
    const row = this.rows(volume);
    const name = new RegExp(`^${escape(action)} backup ${escape(volume)},`);
    return action === "Download" ? row.getByRole("link", { name }) : row.getByRole("button", { name });
  }

  /** Delete is in the row's menu. */
  async delete(volume: string): Promise<void> {
    await this.rows(volume)
      .getByRole("button", { name: new RegExp(`^More actions for backup ${escape(volume)},`) })
      .click();
    await this.page.getByRole("menuitem", { name: "Delete…" }).click();
  }

  /** The archive's exact size, from the size cell's title ("12345 bytes"). */
  async listedBytes(volume: string): Promise<number> {
    const title = await this.rows(volume).locator('[title$=" bytes"]').getAttribute("title");
    return Number(title?.replace(/[^0-9]/g, ""));
  }

  async openRestore(volume: string): Promise<RestoreDialog> {
    await this.action(volume, "Restore…").click();
    const dialog = new RestoreDialog(this.page.getByRole("dialog", { name: new RegExp(`^Restore ${escape(volume)},`) }));
    await expect(dialog.root).toBeVisible();
    return dialog;
  }
}

export class UploadForm {
  readonly file: Locator;
  readonly volume: Locator;
  readonly submit: Locator;
  readonly progress: Locator;

  constructor(readonly root: Locator) {
    this.file = root.getByLabel("Choose an archive…");
    this.volume = root.getByRole("textbox", { name: "Volume name" });
    this.submit = root.getByRole("button", { name: "Upload", exact: true });
    this.progress = root.getByRole("progressbar", { name: "Upload progress" });
  }
}

/** A job followed in a dialog or a panel: a region named after the job, with its progress bar. */
export class JobPart {
  readonly progress: Locator;
  readonly state: Locator;

  constructor(
    readonly root: Locator,
    readonly title: string,
  ) {
    this.progress = root.getByRole("progressbar", { name: `${title}: progress` });
    this.state = root.getByRole("region", { name: title });
  }

  /** Waits for the job to succeed: the bar at 100 and the word "succeeded". */
  async expectSucceeded(timeout = 30_000): Promise<void> {
    await expect(this.progress).toHaveAttribute("aria-valuenow", "100", { timeout });
    await expect(this.state.getByText("succeeded", { exact: true })).toBeVisible();
  }
}

export class BackupDialog {
  readonly gzip: Locator;
  readonly none: Locator;
  readonly stopContainers: Locator;
  readonly start: Locator;
  readonly job: JobPart;

  constructor(
    readonly root: Locator,
    volume: string,
  ) {
    this.gzip = root.getByRole("radio", { name: /^gzip/ });
    this.none = root.getByRole("radio", { name: /^None/ });
    this.stopContainers = root.getByRole("checkbox", { name: /^Stop the running containers/ });
    this.start = root.getByRole("button", { name: "Start backup" });
    this.job = new JobPart(root, `Backup of ${volume}`);
  }

  /** From a volume's page: its "Back up…" button. */
  static async open(page: Page, volume: string): Promise<BackupDialog> {
    await page.getByRole("button", { name: "Back up…" }).click();
    const dialog = new BackupDialog(page.getByRole("dialog", { name: `Back up ${volume}` }), volume);
    await expect(dialog.root).toBeVisible();
    return dialog;
  }
}

export class RestoreDialog {
  readonly engine: Locator;
  readonly intoNew: Locator;
  readonly replace: Locator;
  readonly newName: Locator;
  readonly target: Locator;
  readonly submit: Locator;
  readonly stopContainers: Locator;
  readonly error: Locator;

  constructor(readonly root: Locator) {
    this.engine = root.getByRole("combobox", { name: "Target engine" });
    this.intoNew = root.getByRole("radio", { name: /^A new volume/ });
    this.replace = root.getByRole("radio", { name: /^Replace an existing volume/ });
    this.newName = root.getByRole("textbox", { name: "New volume name" });
    this.target = root.getByRole("combobox", { name: "Volume to replace" });
    this.submit = root.getByRole("button", { name: /^(Restore|Replace contents)$/ });
    this.stopContainers = root.getByRole("checkbox", { name: /^Stop the running containers/ });
    this.error = root.getByRole("alert");
  }

  job(volume: string, replacing = false): JobPart {
    return new JobPart(this.root, `Restore into ${volume}${replacing ? " (replacing its contents)" : ""}`);
  }
}

/** The "Copy or move…" dialog of a volume's page (the API calls both a clone). */
export class CopyOrMoveDialog {
  readonly copy: Locator;
  readonly move: Locator;
  readonly engine: Locator;
  readonly name: Locator;
  readonly confirmMove: Locator;
  readonly error: Locator;

  constructor(
    readonly root: Locator,
    readonly source: string,
  ) {
    this.copy = root.getByRole("radio", { name: "Copy", exact: true });
    this.move = root.getByRole("radio", { name: "Move", exact: true });
    this.engine = root.getByRole("combobox", { name: "Target engine" });
    this.name = root.getByRole("textbox", { name: "New volume name" });
    this.confirmMove = root.getByRole("checkbox", { name: /^I understand/ });
    this.error = root.getByRole("alert");
  }

  /** The submit button: "Copy" or "Move", with " to <engine>" when the target is another engine. */
  submit(verb: "Copy" | "Move", targetEngine?: string): Locator {
    return this.root.getByRole("button", { name: targetEngine ? `${verb} to ${targetEngine}` : verb, exact: true });
  }

  job(target: string, targetEngine?: string, verb: "Copy" | "Move" = "Copy"): JobPart {
    return new JobPart(this.root, `${verb} of ${this.source} to ${target}${targetEngine ? ` on engine ${targetEngine}` : ""}`);
  }

  static async open(page: Page, volume: string): Promise<CopyOrMoveDialog> {
    await page.getByRole("button", { name: "Copy or move…" }).click();
    const dialog = new CopyOrMoveDialog(page.getByRole("dialog", { name: `Copy or move ${volume}` }), volume);
    await expect(dialog.root).toBeVisible();
    return dialog;
  }
}
