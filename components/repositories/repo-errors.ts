// Pure: the title the add dialog gives a repository the server could not open (422 repository_error, with the
// `reason` of docs/API-EXTENSIONS.md); the server's sentence follows it. Unit-tested.
import { isApiError } from "@/lib/api/error";

const TITLES: Record<string, string> = {
  wrong_password: "Wrong password.",
  missing: "No repository there.",
  unreachable: "The repository cannot be reached.",
  locked: "The repository is locked.",
  host_key: "The server's host key has changed.",
  exists: "There is already a repository there.",
  restic_missing: "restic is not installed.",
  killed: "restic was stopped.",
};

/** The reason of a repository error ("wrong_password", …), or null for any other error. */
export function repositoryReason(error: unknown): string | null {
  if (!isApiError(error) || error.code !== "repository_error") return null;
  return typeof error.details.reason === "string" ? error.details.reason : "failed";
}

export function addFailureTitle(error: unknown): string {
  const reason = repositoryReason(error);
  return (reason && TITLES[reason]) ?? "The repository was not added.";
}
