// Pure: which of the URLs a page wrote the router has yet to draw (see useUrlState). Unit-tested.

/**
 * What is still undrawn once the router has drawn `search`. A search written here is drawn after those written
 * before it, or with them (React may draw several at once), so they all leave the list; a search not written
 * here came from outside (Back, a link) and wins over them all.
 */
export function echoed(undrawn: readonly string[], search: string): string[] {
  const i = undrawn.indexOf(search);
  return i >= 0 ? undrawn.slice(i + 1) : [];
}
