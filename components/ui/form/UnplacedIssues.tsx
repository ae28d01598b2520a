"use client";
import { Alert } from "@/components/ui/Alert";
import type { Issue } from "./server-issues";

/** The server's 400 issues that no field of the form shows (applyServerIssues' rest), each with its request path. */
export function UnplacedIssues({ issues }: { issues: Issue[] }) {
  if (!issues.length) return null;
  return (
    <Alert tone="error" title="The server refused these fields.">
      <ul>
        {issues.map((i) => {
          const text = i.path ? `${i.path}: ${i.message}` : i.message;
          return <li key={text}>{text}</li>;
        })}
      </ul>
    </Alert>
  );
}
