import "server-only";
import { listEngineConfigs } from "@/lib/docker/clients";
import { instanceId } from "@/lib/docker/helper";
import { sweepHelpers } from "@/lib/docker/helper-cleanup";
import { removeLeftovers } from "./catalog";
import { removeRecoveredScratch, settleInterruptedSwaps } from "./restore-recovery";

// At start-up, after a crash: finish or roll back an interrupted swap, remove temporary and uncommitted
// archives, remove helper containers left on every engine, and then the scratch volumes of interrupted
// replace-restores that are proven unneeded (restore-recovery.ts). An engine that does not answer now is swept
// again when a job next runs there (and jobs that failed on it clean up once it is back); its scratch volumes
// stay held until the next start.

export async function cleanUpAfterCrash(): Promise<void> {
  for (const line of await settleInterruptedSwaps()) console.log(`voldeck: ${line}`);
  const removed = await removeLeftovers();
  if (removed.length) console.log(`voldeck: removed ${removed.length} unfinished backup file(s): ${removed.join(", ")}`);
  await Promise.all(
    listEngineConfigs().map(async (engine) => {
      try {
        const n = await sweepHelpers(engine.id, instanceId());
        if (n) console.log(`voldeck: removed ${n} leftover helper container(s) on engine "${engine.id}"`);
      } catch {
        // engine down: nothing to sweep now
      }
    }),
  );
  for (const line of await removeRecoveredScratch()) console.log(`voldeck: ${line}`);
}
