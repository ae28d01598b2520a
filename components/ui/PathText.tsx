import { Fragment } from "react";

/**
 * A filesystem path in monospace that wraps after its slashes rather than mid-name; a single
 * segment too long for the line still breaks anywhere instead of overflowing.
 */
export function PathText({ path, className = "" }: { path: string; className?: string }) {
  const parts = path.split("/");
  return (
    <code className={`[overflow-wrap:anywhere] text-fg ${className}`}>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {i > 0 && "/"}
          {i > 0 && <wbr />}
          {part}
        </Fragment>
      ))}
    </code>
  );
}
