// Volume-name patterns (`pg-*`, `app_?_data`, `db-[0-9]*`). Written here rather than taken from a glob library:
// names have no path separators, so only `*`, `?` and `[...]` matter, and picomatch/minimatch are not direct
// dependencies of the console (only transitive ones).

const SPECIAL = /[\\^$.+(){}|/]/;

/** Why a pattern cannot be used, or null. */
export function globProblem(pattern: string): string | null {
  try {
    globToRegExp(pattern);
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}

/** The whole-name regular expression of a pattern: `*` any run of characters, `?` one, `[a-z]`/`[!x]` a class. */
export function globToRegExp(pattern: string): RegExp {
  let out = "^";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === "*") out += ".*";
    else if (c === "?") out += ".";
    else if (c === "[") {
      const end = pattern.indexOf("]", i + 2);
      if (end < 0) throw new Error(`The pattern "${pattern}" opens a [class] that it never closes.`);
      let body = pattern.slice(i + 1, end);
      const negated = body.startsWith("!");
      if (negated) body = body.slice(1);
      out += `[${negated ? "^" : ""}${body.replace(/[\\\]^]/g, (m) => `\\${m}`)}]`;
      i = end;
    } else out += SPECIAL.test(c) || c === "]" ? `\\${c}` : c;
  }
  return new RegExp(`${out}$`);
}

/** Whether a name matches a pattern (cached per pattern: a selection tests many names against few patterns). */
const cache = new Map<string, RegExp>();
export function globMatches(pattern: string, name: string): boolean {
  let re = cache.get(pattern);
  if (!re) {
    re = globToRegExp(pattern);
    if (cache.size > 500) cache.clear();
    cache.set(pattern, re);
  }
  return re.test(name);
}
