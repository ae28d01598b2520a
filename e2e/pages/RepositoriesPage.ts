// The Repositories page and its "Add repository" dialog, by role and label.
import { expect, type Locator, type Page } from "@playwright/test";
import { REPOSITORIES_HREF } from "../../lib/routes";

export class AddRepositoryDialog {
  readonly id: Locator;
  readonly location: Locator;
  readonly password: Locator;
  readonly connectOnly: Locator;
  readonly submit: Locator;
  readonly cancel: Locator;
  /** The generated password, shown once after adding. */
  readonly generated: Locator;
  readonly copy: Locator;
  readonly stored: Locator;

  constructor(readonly root: Locator) {
    this.id = root.getByLabel("Id", { exact: true });
    this.location = root.getByLabel("Location", { exact: true });
    this.password = root.getByLabel("Repository password", { exact: true });
    this.connectOnly = root.getByRole("radio", { name: /^Connect only/ });
    this.submit = root.getByRole("button", { name: "Add repository" });
    this.cancel = root.getByRole("button", { name: "Cancel" });
    this.generated = root.getByRole("textbox", { name: "Repository password" });
    this.copy = root.getByRole("button", { name: "Copy" });
    this.stored = root.getByRole("button", { name: "I have stored it" });
  }

  kind(label: string): Locator {
    return this.root.getByRole("group", { name: "Kind" }).getByRole("radio", { name: label });
  }
}

export class RepositoriesPage {
  readonly heading: Locator;
  /** The header's button; an empty list offers a second one of the same name. */
  readonly add: Locator;
  readonly dialog: AddRepositoryDialog;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { name: "Repositories", level: 1 });
    this.add = page.getByRole("button", { name: "Add repository" }).first();
    this.dialog = new AddRepositoryDialog(page.getByRole("dialog"));
  }

  async goto(): Promise<void> {
    await this.page.goto(REPOSITORIES_HREF);
    await expect(this.heading).toBeVisible();
  }

  /** The row (a card on a phone) of repository `id`. */
  row(id: string): Locator {
    return this.page.getByRole("listitem", { name: `Repository ${id}`, exact: true });
  }

  /** A figure of the row ("Snapshots", "Stored", "Dedup"): the value under its term. */
  figure(id: string, term: string): Locator {
    return this.row(id)
      .locator("dl > div")
      .filter({ has: this.page.getByRole("term").filter({ hasText: new RegExp(`^${term}$`) }) })
      .getByRole("definition");
  }

  removeButton(id: string): Locator {
    return this.page.getByRole("button", { name: `Remove repository ${id}` });
  }
}
