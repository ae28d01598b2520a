// API shapes of engine management (issue 6), shared by the server and the browser.

export type SwarmRole = "manager" | "worker" | "none";

/** `POST /api/engines/{id}/test`: who the engine is, or exactly why it could not be reached. */
export type EngineTestResult = {
  ok: boolean;
  version?: string;
  apiVersion?: string;
  swarm?: boolean;
  swarmRole?: SwarmRole;
  error?: string;
  /** What kind of failure, for the UI's hint: tls, auth, refused, timeout, not_found, not_docker, other. */
  errorKind?: string;
};

export type EngineKind = "unix" | "tcp" | "ssh";
