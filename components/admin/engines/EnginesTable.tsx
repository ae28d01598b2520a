import { Pencil, PlugZap } from "lucide-react";
import { Badge } from "@/components/ui/Badge";
import { Button } from "@/components/ui/Button";
import { PathText } from "@/components/ui/PathText";
import { DangerAction } from "@/components/ui/DangerAction";
import { Table, TBody, THead, Td, Th } from "@/components/ui/Table";
import type { EngineTestResult } from "@/lib/api/engine-types";
import type { Engine } from "@/lib/api/types";
import { DisabledDangerAction } from "../DisabledDangerAction";
import { EngineStatus, TestOutcome } from "./EngineStatus";

export type RowTest = { id: string; pending: boolean; result?: EngineTestResult; error?: unknown };

type Props = {
  engines: Engine[];
  test: RowTest | null;
  onTest: (engine: Engine) => void;
  onEdit: (engine: Engine) => void;
  onRemove: (engine: Engine) => void;
};

const ENV_REASON = "Set by the environment (DOCKER_HOST or VOLDECK_ENGINES): change it there.";

export function EnginesTable({ engines, test, onTest, onEdit, onRemove }: Props) {
  return (
    <div className="overflow-hidden rounded-lg border border-line bg-surface">
      <Table caption="Engines" className="min-w-[60rem]">
        <THead>
          <Th>Engine</Th>
          <Th>Address</Th>
          <Th>Source</Th>
          <Th>Status</Th>
          <Th>
            <span className="sr-only">Actions</span>
          </Th>
        </THead>
        <TBody>
          {engines.map((e) => {
            const env = e.source !== "console";
            return (
              <tr key={e.id}>
                <th scope="row" className="px-3 py-2 text-left align-top font-medium">
                  {e.name}
                  {e.name !== e.id && <span className="block font-mono text-xs font-normal text-fg-subtle">{e.id}</span>}
                </th>
                {/* Wide enough for a usual socket path or host:port on one line; a longer one wraps after a slash. */}
                <Td className="min-w-[17rem] text-xs">
                  <PathText path={e.endpoint} />
                  {e.credentials?.tls && (
                    <span className="ml-1 font-sans">
                      <Badge tone="green">TLS</Badge>
                    </span>
                  )}
                </Td>
                <Td>
                  <Badge tone={env ? "slate" : "sky"} title={env ? ENV_REASON : "Added on this page"}>
                    {env ? "environment" : "console"}
                  </Badge>
                </Td>
                <Td className="min-w-64">
                  <EngineStatus engine={e} />
                  {test?.id === e.id && (
                    <div className="mt-1">
                      <TestOutcome result={test.result} pending={test.pending} error={test.error} />
                    </div>
                  )}
                </Td>
                <Td className="whitespace-nowrap text-right">
                  <div className="-my-1.5 flex justify-end gap-1">
                    <Button variant="ghost" onClick={() => onTest(e)} disabled={test?.id === e.id && test.pending}>
                      <PlugZap aria-hidden className="size-4" />
                      Test<span className="sr-only"> connection to {e.id}</span>
                    </Button>
                    {env ? (
                      <DisabledDangerAction label="Remove" context={`engine ${e.id}`} reason={ENV_REASON} reasonId={`env-reason-${e.id}`} />
                    ) : (
                      <>
                        <Button variant="ghost" onClick={() => onEdit(e)}>
                          <Pencil aria-hidden className="size-4" />
                          Edit<span className="sr-only"> engine {e.id}</span>
                        </Button>
                        <DangerAction label="Remove" context={`engine ${e.id}`} onClick={() => onRemove(e)} />
                      </>
                    )}
                  </div>
                </Td>
              </tr>
            );
          })}
        </TBody>
      </Table>
    </div>
  );
}
