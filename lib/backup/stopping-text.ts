// Pure: the progress text while a job stops the containers that use its volume, and starts them again.
// Unit-tested beside. Stopping can take the engine's whole stop timeout (10 s by default, a container that
// ignores SIGTERM waits all of it), so the job says which containers it waits for instead of a silent bar.

function names(list: string[]): string {
  if (list.length <= 1) return list.join("");
  if (list.length <= 3) return `${list.slice(0, -1).join(", ")} and ${list[list.length - 1]}`;
  return `${list.slice(0, 2).join(", ")} and ${list.length - 2} more`;
}

/** "Stopping shop-db-1 (the engine waits up to 10 s for it to exit)…"; `timeout` undefined: the container's own. */
export function stoppingText(waitingFor: string[], timeout: number | undefined): string {
  const it = waitingFor.length === 1 ? "it" : "them";
  const wait =
    timeout === undefined ? `the engine waits for ${it} to exit (each container's own stop timeout)` : `the engine waits up to ${timeout} s for ${it} to exit`;
  return `Stopping ${names(waitingFor)} (${wait})…`;
}

export function startingText(toStart: string[]): string {
  return `Starting ${names(toStart)} again…`;
}
