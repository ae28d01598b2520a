import "server-only";
import fs from "node:fs/promises";

// TESTS ONLY. `VOLDECK_TEST_PAUSE_AT=<point>` makes a job that reaches that named point write
// `VOLDECK_TEST_PAUSE_FILE` (when set) and then wait for ever, so that a test can kill the console (kill -9) at
// exactly that moment and check what start-up recovers. Unset (always, outside tests) it does nothing.
// Points: "swap-started" (the target's data moved aside, the restored data not yet in place), "swap-renamed"
// (the restored data in place, the old data not yet moved into the scratch volume), "recreate" (the target
// removed, the restored copy only in the scratch volume).

export type PausePoint = "swap-started" | "swap-renamed" | "recreate";

export async function testPause(point: PausePoint): Promise<void> {
  if (process.env.VOLDECK_TEST_PAUSE_AT !== point) return;
  const marker = process.env.VOLDECK_TEST_PAUSE_FILE;
  if (marker) await fs.writeFile(marker, point);
  console.log(`voldeck: paused at "${point}" (VOLDECK_TEST_PAUSE_AT, tests only)`);
  await new Promise<never>(() => {});
}
