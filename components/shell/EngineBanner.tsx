import { Alert } from "@/components/ui/Alert";
import { Time } from "@/components/ui/Time";
import type { EngineHealth } from "./EngineHealth";
import { outageSentence } from "./engine-outage";
import type { LiveState } from "./useEngineEvents";

/**
 * Above the page while its engine is down or not answering: what is wrong in a sentence, since when the data
 * shown is as of, and that writes wait; the engine's own error stays available under "Details".
 */
export function EngineBanner({ health, live }: { health: EngineHealth; live: LiveState }) {
  if (health.state !== "down" && health.state !== "not_answering") return null;
  const down = health.state === "down";
  const raw = down ? live.engineDown : live.notAnswering;
  return (
    <Alert
      tone={down ? "error" : "warning"}
      title={down ? `The Docker engine "${health.engine}" cannot be reached.` : `The Docker engine "${health.engine}" is not responding.`}
    >
      <p>
        {down ? outageSentence(raw) : "It takes connections but does not answer: it may be paused or overloaded."}{" "}
        {health.asOf && (
          <>
            What is shown is as of <Time iso={health.asOf} format="clock" />;{" "}
          </>
        )}
        changes wait until it is back. Voldeck keeps trying and refreshes this page by itself.
      </p>
      {raw && (
        <details className="mt-1 text-xs">
          <summary className="cursor-pointer select-none">Details</summary>
          <code className="mt-1 block [overflow-wrap:anywhere]">{raw}</code>
        </details>
      )}
    </Alert>
  );
}
