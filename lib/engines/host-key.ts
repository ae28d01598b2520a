import "server-only";
import { createHash } from "node:crypto";
import { readHostKey, writeHostKey } from "./key-files";

// SSH engines: the host key seen at the first connection is recorded, and every later connection must show
// the same one (as ssh's known_hosts does), so a host that changed or a machine in between is refused
// instead of being handed the engine's traffic. An admin accepts a new key on purpose (PUT trustNewHostKey).

/** As `ssh-keygen -l` prints it: SHA256:<base64 without padding>. */
export function fingerprint(key: Buffer): string {
  return `SHA256:${createHash("sha256").update(key).digest("base64").replace(/=+$/, "")}`;
}

export function hostKeyVerifier(engineId: string): (key: Buffer) => boolean {
  return (key) => {
    const seen = fingerprint(key);
    const known = readHostKey(engineId);
    if (!known) {
      writeHostKey(engineId, seen);
      return true;
    }
    return known === seen;
  };
}

/**
 * "Test connection" of a draft (the edit form, not saved) of an engine with that address: the recorded key
 * must still match, so the test says what the saved engine would meet; nothing is recorded or replaced, so a
 * test can never pin or overwrite a key. With no key recorded yet, any key passes (as the first connection).
 */
export function pinnedHostKeyChecker(engineId: string): (key: Buffer) => boolean {
  return (key) => {
    const known = readHostKey(engineId);
    return !known || known === fingerprint(key);
  };
}
