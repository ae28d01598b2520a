"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useEffectEvent, useState } from "react";
import { afterJob, fetchJob, jobEventsUrl } from "@/lib/api/backup-queries";
import { parseEventData } from "@/lib/api/event-data";
import type { Job } from "@/lib/api/types";
import { isFinished } from "./job-format";

export type LiveJob = { job: Job; lost: unknown };

/**
 * Follows one job through its event stream (the server sends the job now, then on every change, and ends the
 * stream after the final state). Starts from the job the POST answered, so there is something to show at once.
 */
export function useJob(initial: Job): LiveJob {
  const qc = useQueryClient();
  const [job, setJob] = useState(initial);
  const [lost, setLost] = useState<unknown>(null);
  const id = initial.id;
  // `initial` is only the starting point: the stream is keyed by the job's id, not restarted by a new object.
  const startingPoint = useEffectEvent(() => initial);

  useEffect(() => {
    const first = startingPoint();
    if (isFinished(first)) {
      void afterJob(qc, first);
      return;
    }
    let closed = false;
    const source = new EventSource(jobEventsUrl(id));
    const finish = (final: Job) => {
      closed = true;
      source.close();
      void afterJob(qc, final);
    };
    source.onmessage = (message) => {
      const next = parseEventData<Job>(message.data);
      if (!next) return;
      setJob(next);
      setLost(null);
      // Closed here: the browser would otherwise reconnect to the ended stream every few seconds.
      if (isFinished(next)) finish(next);
    };
    source.onerror = () => {
      // CONNECTING: the browser retries by itself. CLOSED: the server refused the stream (the job is gone after
      // a console restart, or the session ended); ask once more so the reason can be shown.
      if (closed || source.readyState !== EventSource.CLOSED) return;
      fetchJob(id).then(
        (latest) => {
          setJob(latest);
          if (isFinished(latest)) finish(latest);
        },
        (e: unknown) => setLost(e),
      );
    };
    return () => {
      closed = true;
      source.close();
    };
  }, [id, qc]);

  return { job, lost };
}
