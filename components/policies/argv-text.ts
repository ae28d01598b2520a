// Hook commands as the form shows them: one command per line, its arguments separated by spaces, quoted with
// '…' or "…" where an argument holds spaces (`sh -c "pg_dump -f /var/lib/db/dump.sql app"`). Written here rather
// than taken from a shell-words package: only quoting and splitting are needed (no variables, no globbing, no
// escapes beyond a quote inside the other quote), and no such package is a dependency of the console.

/** One line → argv; an unclosed quote is a problem (thrown as an Error with the message to show). */
export function splitArgv(line: string): string[] {
  const out: string[] = [];
  let current = "";
  let started = false;
  let quote: '"' | "'" | null = null;
  for (const ch of line) {
    if (quote) {
      if (ch === quote) quote = null;
      else current += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      started = true;
    } else if (/\s/.test(ch)) {
      if (started) out.push(current);
      current = "";
      started = false;
    } else {
      current += ch;
      started = true;
    }
  }
  if (quote) throw new Error(`A ${quote} quote is not closed.`);
  if (started) out.push(current);
  return out;
}

/** The lines of a text → argv lists (empty lines skipped). */
export function commandsOf(text: string): string[][] {
  return text
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map(splitArgv);
}

/** argv → one line that splitArgv reads back the same. */
export function joinArgv(argv: string[]): string {
  return argv.map((a) => (a !== "" && !/[\s"']/.test(a) ? a : a.includes('"') ? `'${a}'` : `"${a}"`)).join(" ");
}

/** "k=v" pairs, one per line or separated by commas → a record; a pair without "=" is a problem. */
export function labelsOf(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of text.split(/[\n,]/)) {
    const pair = part.trim();
    if (!pair) continue;
    const eq = pair.indexOf("=");
    if (eq < 1) throw new Error(`"${pair}" is not key=value.`);
    out[pair.slice(0, eq).trim()] = pair.slice(eq + 1).trim();
  }
  return out;
}

export const labelsText = (labels: Record<string, string> | undefined) =>
  Object.entries(labels ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join("\n");

/** Names separated by commas, spaces or lines. */
export const namesOf = (text: string) => text.split(/[\s,]+/).filter(Boolean);
