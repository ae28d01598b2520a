import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";

// scrypt (memory-hard): N=2^15, r=8, p=1 uses 32 MiB per hash, about 50–100 ms here.
const PARAMS = { N: 1 << 15, r: 8, p: 1 };
const KEY_LENGTH = 32;
export { MIN_PASSWORD_LENGTH } from "@/lib/api/auth-schemas";

function derive(password: string, salt: Buffer, params: typeof PARAMS): Promise<Buffer> {
  const options: ScryptOptions = { ...params, maxmem: 128 * params.N * params.r * 2 };
  return new Promise((resolve, reject) => scrypt(password.normalize("NFC"), salt, KEY_LENGTH, options, (err, key) => (err ? reject(err) : resolve(key))));
}

type Params = typeof PARAMS;

const format = (params: Params, salt: Buffer, key: Buffer) =>
  ["scrypt", params.N, params.r, params.p, salt.toString("base64url"), key.toString("base64url")].join("$");

/** "scrypt$N$r$p$salt$hash" (base64url parts), so parameters can change without breaking old hashes. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  return format(PARAMS, salt, await derive(password, salt, PARAMS));
}

/** The cost parameters a stored hash is checked with, or null when it is not one of ours. */
export function hashParams(stored: string): Params | null {
  const [scheme, n, r, p, salt, hash] = stored.split("$");
  if (scheme !== "scrypt" || !salt || !hash) return null;
  return { N: Number(n), r: Number(r), p: Number(p) };
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const params = hashParams(stored);
  if (!params) return false;
  const [, , , , salt, hash] = stored.split("$");
  const expected = Buffer.from(hash, "base64url");
  const key = await derive(password, Buffer.from(salt, "base64url"), params);
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/**
 * Stands in for the hash of a user who does not exist: the current format and parameters, a random salt and
 * a random key that no password derives to. Checking a guess against it costs exactly one scrypt, as for a
 * real user; it is made without hashing, so even the first unknown name costs no more than a known one
 * (a lazily computed dummy hash made that first check cost two).
 */
export const DUMMY_HASH = format(PARAMS, randomBytes(16), randomBytes(KEY_LENGTH));

/** The hash a sign-in checks the password against: the user's, or the dummy when there is no such user. */
export const hashToCheck = (user: { passwordHash: string } | null): string => user?.passwordHash ?? DUMMY_HASH;

/**
 * The one password check of a sign-in, the same work whether or not the user exists: one verifyPassword
 * against hashToCheck(user), then a comparison. Never true for a missing user.
 */
export async function checkCredentials(user: { passwordHash: string } | null, password: string): Promise<boolean> {
  const ok = await verifyPassword(password, hashToCheck(user));
  return ok && user !== null;
}
