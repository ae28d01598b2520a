import { expect, type Locator, type Page } from "@playwright/test";

/** Containers & mounts: one card (a region named after the container) per container, with its mounts table. */
export class ContainersPage {
  readonly heading: Locator;

  constructor(
    readonly page: Page,
    readonly engine = "local",
  ) {
    this.heading = page.getByRole("heading", { level: 1, name: "Containers & mounts" });
  }

  async goto(): Promise<void> {
    await this.page.goto(`/engines/${encodeURIComponent(this.engine)}/containers`);
    await expect(this.heading).toBeVisible();
  }

  card(name: string): Locator {
    return this.page.getByRole("region", { name, exact: true });
  }

  mounts(name: string): Locator {
    return this.card(name).getByRole("table", { name: `Mounts of ${name}` });
  }

  /** The mount row whose "Mounted at" cell is exactly `destination`. */
  mountRow(name: string, destination: string): Locator {
    return this.mounts(name)
      .getByRole("row")
      .filter({ has: this.page.getByRole("cell", { name: destination, exact: true }) });
  }

  /** Cells of a mount row: type, volume or host path, mounted at, access (, propagation). */
  mountCells(name: string, destination: string): Locator {
    return this.mountRow(name, destination).getByRole("cell");
  }
}
