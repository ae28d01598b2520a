import { expect, type Locator, type Page } from "@playwright/test";

/** One volume's page: facts (a description list), labels, and the containers that mount it. */
export class VolumeDetailPage {
  constructor(
    readonly page: Page,
    readonly engine = "local",
  ) {}

  path(name: string): string {
    return `/engines/${encodeURIComponent(this.engine)}/volumes/${encodeURIComponent(name)}`;
  }

  async goto(name: string): Promise<void> {
    await this.page.goto(this.path(name));
    await expect(this.heading(name)).toBeVisible();
  }

  heading(name: string): Locator {
    return this.page.getByRole("heading", { level: 1, name, exact: true });
  }

  /** term → definition text of the facts list, read in document order (dt/dd pairs). */
  async facts(): Promise<Record<string, string>> {
    const main = this.page.getByRole("main");
    const terms = await main.getByRole("term").allInnerTexts();
    const definitions = await main.getByRole("definition").allInnerTexts();
    return Object.fromEntries(terms.map((t, i) => [t.trim(), (definitions[i] ?? "").trim()]));
  }

  get labels(): Locator {
    return this.page.getByRole("list", { name: "Labels", exact: true });
  }

  containersTable(volume: string): Locator {
    return this.page.getByRole("table", { name: `Containers that mount ${volume}` });
  }

  /** The row of a container in the "used by" table, by the container's link. */
  containerRow(volume: string, container: string): Locator {
    return this.containersTable(volume)
      .getByRole("row")
      .filter({ has: this.page.getByRole("link", { name: container, exact: true }) });
  }
}
