// One error class for the whole API: the server serialises it with toResponse(),
// the browser's fetcher turns the body back into the same class.

export const errorStatus = {
  invalid_input: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  in_use: 409,
  unsupported_media_type: 415,
  // A restic repository refused or could not be reached (wrong password, missing, locked…): lib/restic/errors.ts.
  repository_error: 422,
  too_many_requests: 429,
  internal: 500,
  engine_error: 502,
  engine_unreachable: 503,
  // A tool the console needs for this route is missing or too old (restic for repositories: lib/restic/version.ts).
  unavailable: 503,
  // The console's own disk (its data directory) is full (SQLITE_FULL, ENOSPC/EDQUOT), or a restore would not fit
  // where it lands (lib/backup/space-decision.ts).
  insufficient_storage: 507,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export type ErrorBody = { error: { code: ErrorCode; message: string } & Record<string, unknown> };

export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = "ApiError";
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return errorStatus[this.code];
  }

  toJSON(): ErrorBody {
    return { error: { ...this.details, code: this.code, message: this.message } };
  }

  toResponse(): Response {
    const retry = this.details.retryAfterSeconds;
    const headers: HeadersInit = typeof retry === "number" ? { "Retry-After": String(retry) } : {};
    return Response.json(this.toJSON(), { status: this.status, headers });
  }

  /** Rebuilds the error from a response body; anything unexpected becomes an `internal` error. */
  static fromBody(status: number, body: unknown): ApiError {
    const err = (body as ErrorBody | null)?.error;
    if (err && typeof err.code === "string" && err.code in errorStatus && typeof err.message === "string") {
      const { code, message, ...details } = err;
      return new ApiError(code, message, details);
    }
    return new ApiError("internal", `Unexpected answer from the server (HTTP ${status}).`);
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;
