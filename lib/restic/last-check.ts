import "server-only";
import { db } from "@/lib/store/db";
import type { RepoRow } from "./store";

// The outcome of the repository's latest check, in its row (migration 8's last_check column): shown as the
// Repository's lastCheck. A check that could not run to the end (unreachable, wrong password) is recorded as
// not ok too, with its own reason: a check that did not pass must never leave an older "ok" on display.
// A cancelled check changes nothing.

export function recordLastCheck(id: string, result: NonNullable<RepoRow["lastCheck"]>): void {
  db().prepare("UPDATE repositories SET last_check = ? WHERE id = ?").run(JSON.stringify(result), id);
}
