// Pure: what `restic check` found, from its output (0.14 has no JSON for check). Exit 0: no errors. Exit 1 with
// "repository contains errors": the repository is damaged, and the lines restic printed about it are the reason.
// Any other failure (wrong password, unreachable, locked) is not a finding about the data. Unit-tested.

export type CheckFinding = { ok: true } | { ok: false; error: string } | null;

// restic's progress and step lines, which say nothing about damage.
const NOISE =
  /^(using temporary cache|create exclusive lock|load indexes|check all packs|check snapshots|read all data|read \S+ of data packs|read \d+\/\d+ of data packs|\[\d+:\d+\]|no errors were found|created new cache|Fatal: repository contains errors|repository [0-9a-f]+ opened)/i;

const MAX_REASON = 2_000;

/** null when the run did not get as far as judging the data (its failure is the caller's to describe). */
export function checkFinding(code: number | null, output: string): CheckFinding {
  if (code === 0) return { ok: true };
  if (code !== 1 || !/repository contains errors/i.test(output)) return null;
  const lines = [
    ...new Set(
      output
        .split("\n")
        .map((l) => l.trim())
        .filter((l) => l && !NOISE.test(l)),
    ),
  ];
  const reason = lines.length ? lines.join("; ") : "restic found errors but did not name them";
  return { ok: false, error: `The repository contains errors: ${reason.length > MAX_REASON ? `${reason.slice(0, MAX_REASON)}…` : reason}` };
}
