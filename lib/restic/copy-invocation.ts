// Pure: one `restic copy` run reads the source repository and writes the destination. restic (0.14 and newer)
// takes the destination as its repository and the source as --from-repo / --from-repository-file with
// --from-password-file (0.10–0.13 had it the other way round, with --repo2; the console needs 0.14 or newer,
// version.ts). Backend options (-o, --cacert) and backend keys in the environment (S3 keys, rclone config)
// are global to the run: when both repositories need the same one with different values, one run cannot
// serve both, and this says so instead of letting one repository's keys reach the other. Unit-tested.
import type { Invocation } from "./invocation";

export class CopyError extends Error {}

type Parsed = { repo: string[]; options: Map<string, string> };

/** The repository argument, then the backend options ("-o k=v" by key, "--cacert" as its own key). */
function parse(args: string[]): Parsed {
  const repo: string[] = [];
  const options = new Map<string, string>();
  for (let i = 0; i < args.length; i += 2) {
    const [flag, value] = [args[i], args[i + 1]];
    if (flag === "-r" || flag === "--repository-file") repo.push(flag, value);
    else if (flag === "-o") options.set(`-o ${value.slice(0, value.indexOf("="))}`, value);
    else options.set(flag, value);
  }
  return { repo, options };
}

function merge<T>(into: Map<string, T>, from: Map<string, T>, what: (key: string) => string): void {
  for (const [k, v] of from) {
    if (into.has(k) && into.get(k) !== v) throw new CopyError(`Both repositories need their own ${what(k)}; restic cannot copy between them in one run.`);
    into.set(k, v);
  }
}

/** The run's invocation (the destination's, with what the source needs merged in) and the source's arguments. */
export function copyInvocation(to: Invocation, from: Invocation): { inv: Invocation; fromArgs: string[] } {
  const dst = parse(to.args);
  const src = parse(from.args);
  merge(dst.options, src.options, (k) => (k === "--cacert" ? "CA certificate" : `option ${k.slice(3)}`));
  const env = new Map(Object.entries(to.env));
  const { RESTIC_PASSWORD_FILE: fromPassword, ...fromEnv } = from.env;
  merge(env, new Map(Object.entries(fromEnv).filter(([k]) => !["HOME", "RESTIC_CACHE_DIR"].includes(k))), (k) => `setting ${k}`);
  const fromRepo = src.repo[0] === "-r" ? ["--from-repo", src.repo[1]] : ["--from-repository-file", src.repo[1]];
  const options = [...dst.options].flatMap(([k, v]) => (k.startsWith("-o ") ? ["-o", v] : [k, v]));
  return {
    inv: { id: to.id, location: to.location, args: [...dst.repo, ...options], env: Object.fromEntries(env) },
    fromArgs: [...fromRepo, "--from-password-file", fromPassword],
  };
}
