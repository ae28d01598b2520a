import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/**
 * The page's serious and critical accessibility violations (axe), as "rule (impact): help — targets" lines. Waits
 * for the document's title first: Next streams a dynamic page's metadata after its content, so on a busy machine
 * a scan right after the content shows would find no <title> yet. `only`: just these rules (e.g. the colour rules,
 * when the same page was already scanned whole in the other theme).
 */
export async function seriousViolations(page: Page, only?: string[]): Promise<string[]> {
  await expect(page).toHaveTitle(/\S/, { timeout: 15_000 });
  const builder = new AxeBuilder({ page }).setLegacyMode();
  const axe = await (only ? builder.withRules(only) : builder).analyze();
  return axe.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 5)
          .join(", ")}`,
    );
}
