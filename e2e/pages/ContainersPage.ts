import { expect, type Locator, type Page } from "@playwright/test";

/**
 * Containers & mounts: containers grouped by compose project (a region named after the project), one row per
 * container (a region named after it) whose mounts table folds open.
 */
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

  /** A compose project's group (`null`: the containers of no project). */
  group(project: string | null): Locator {
    return this.page.getByRole("region", { name: new RegExp(`^${project === null ? "No compose project" : escape(project)} `) });
  }

  /** The container's live status text ("Up 12 s", "Exited (0) 3 min ago"). */
  status(name: string): Locator {
    return this.card(name).getByTestId("live-status");
  }

  /** Opens the container's mounts (no-op when open already). */
  async expand(name: string): Promise<void> {
    const toggle = this.card(name).getByRole("button", { name: `Mounts of ${name}`, exact: true });
    if ((await toggle.getAttribute("aria-expanded")) !== "true") await toggle.click();
    await expect(toggle).toHaveAttribute("aria-expanded", "true");
  }

  mounts(name: string): Locator {
    return this.card(name).getByRole("table", { name: `Mounts of ${name}` });
  }

  /** The mount row named by its "Mounted at" cell (the row's header), exactly `destination`. */
  mountRow(name: string, destination: string): Locator {
    return this.mounts(name)
      .getByRole("row")
      .filter({ has: this.page.getByRole("rowheader", { name: destination, exact: true }) });
  }

  /** Cells of a mount row in column order, the row's header among them: type, volume or host path, mounted at, access (, propagation). */
  mountCells(name: string, destination: string): Locator {
    const row = this.mountRow(name, destination);
    return row.getByRole("cell").or(row.getByRole("rowheader"));
  }
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
