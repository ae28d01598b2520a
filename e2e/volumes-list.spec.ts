import { expect, test } from "./fixtures";

test("lists labelled, compose and anonymous volumes (compose project as Stack); search, the counts and the Label filter narrow the rows", async ({
  docker,
  uniqueName,
  volumesPage,
  shot,
}) => {
  const prefix = uniqueName("list");
  const team = prefix.split("-").at(-1)!;
  const labelled = await docker.createVolume(`${prefix}-labelled`, { "com.example.team": team });
  const project = `${prefix}-proj`;
  const compose = await docker.createVolume(`${project}_db`, { "com.docker.compose.project": project, "com.docker.compose.volume": "db" });
  // The compose volume is mounted too, so that "In use" and "Anonymous" select different rows.
  const owner = `${prefix}-owner`;
  await docker.createContainer(owner, "-v", "/data", "-v", `${compose}:/db`);
  const anonymous = docker.trackVolume(await docker.mountedVolume(owner, "/data"));
  expect(anonymous).toMatch(/^[0-9a-f]{64}$/);

  // The Labels column is the first to go as the table narrows (after Protection joined it): a wide screen.
  await volumesPage.page.setViewportSize({ width: 1440, height: 900 });
  await volumesPage.goto();
  await expect(volumesPage.row(labelled)).toBeVisible();
  await expect(volumesPage.row(labelled)).toContainText(`com.example.team=${team}`);
  await expect(volumesPage.row(compose)).toBeVisible();
  // The compose project is the row's Stack, not a label chip.
  await expect(volumesPage.row(compose).getByRole("cell").nth(2)).toHaveText(project);
  await expect(volumesPage.row(compose)).not.toContainText("com.docker.compose.volume");

  const anonRow = volumesPage.row(anonymous);
  await expect(anonRow).toBeVisible();
  await expect(volumesPage.link(anonymous)).toBeVisible();
  await expect(anonRow.getByText("anonymous", { exact: true })).toBeVisible();
  await expect(volumesPage.link(anonymous)).toHaveAttribute("title", new RegExp(`of ${owner}:/data`));
  await shot("volumes-list");

  // Search follows each keystroke: the prefix matches our three volumes (the anonymous one through its
  // container's name), a longer needle only the labelled one.
  await volumesPage.search.pressSequentially(prefix);
  await expect(volumesPage.rows).toHaveCount(3);
  await volumesPage.search.pressSequentially("-lab");
  await expect(volumesPage.rows).toHaveCount(1);
  await expect(volumesPage.row(labelled)).toBeVisible();

  await volumesPage.search.fill(prefix);
  await expect(volumesPage.rows).toHaveCount(3);
  await volumesPage.showOnly("In use");
  await expect(volumesPage.rows).toHaveCount(2);
  await expect(volumesPage.row(compose)).toBeVisible();
  await expect(volumesPage.row(anonymous)).toBeVisible();
  await volumesPage.showOnly("Unused");
  await expect(volumesPage.rows).toHaveCount(1);
  await expect(volumesPage.row(labelled)).toBeVisible();
  await volumesPage.showOnly("Anonymous");
  await expect(volumesPage.rows).toHaveCount(1);
  await expect(volumesPage.row(anonymous)).toBeVisible();

  // The label filter alone (no search): key=value picks exactly the labelled volume.
  await volumesPage.showOnly("Total");
  await volumesPage.search.clear();
  await volumesPage.labelFilter.fill(`com.example.team=${team}`);
  await expect(volumesPage.rows).toHaveCount(1);
  await expect(volumesPage.row(labelled)).toBeVisible();
  await volumesPage.labelFilter.fill(`com.docker.compose.project=${project}`);
  await expect(volumesPage.rows).toHaveCount(1);
  await expect(volumesPage.row(compose)).toBeVisible();
  await volumesPage.labelFilter.fill(`com.example.team=${team}-nobody`);
  await expect(volumesPage.rows).toHaveCount(0);
  await expect(volumesPage.page.getByText("No volume matches these filters.")).toBeVisible();
});
