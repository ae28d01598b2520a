import { ErrorAlert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";

/** What a retry needs of a react-query result (the whole result fits). */
type Retry = { isFetching: boolean; refetch: () => Promise<unknown> };

/** Asks the query again; says so, and cannot be pressed twice, while the answer is awaited. */
export function RetryButton({ retry }: { retry: Retry }) {
  return (
    <Button onClick={() => void retry.refetch()} disabled={retry.isFetching}>
      {retry.isFetching ? "Retrying…" : "Try again"}
    </Button>
  );
}

/** A query that failed: the server's words and a way to ask again. */
export function QueryError({ error, title, retry }: { error: unknown; title: string; retry: Retry }) {
  return (
    <div className="space-y-2">
      <ErrorAlert error={error} title={title} />
      <RetryButton retry={retry} />
    </div>
  );
}
