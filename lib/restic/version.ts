import "server-only";
import { execFile } from "node:child_process";
import { ApiError } from "@/lib/api/error";

// Whether restic is installed, asked once per process (again after a failure, so installing it needs no
// restart). Repositories need it; the rest of the console works without.

type Found = { version: string } | { error: string };
const g = globalThis as typeof globalThis & { __voldeckResticVersion?: Promise<Found> };

function probe(): Promise<Found> {
  return new Promise((resolve) => {
    execFile("restic", ["version"], { timeout: 10_000 }, (err, stdout) => {
      const m = /restic (\d+\.\d+\.\d+)/.exec(stdout ?? "");
      if (err || !m)
        resolve({
          error: err
            ? (err as NodeJS.ErrnoException).code === "ENOENT"
              ? "restic is not installed (apt-get install restic)"
              : err.message
            : "restic answered no version",
        });
      else resolve({ version: m[1] });
    });
  });
}

/** restic's version; throws a sentence saying what is missing. */
export async function resticVersion(): Promise<string> {
  const found = await (g.__voldeckResticVersion ??= probe());
  if ("version" in found) return found.version;
  g.__voldeckResticVersion = undefined;
  throw new ApiError("repository_error", `Repositories need restic: ${found.error}.`, { reason: "restic_missing" });
}
