"use client";
import { Send } from "lucide-react";
import { Badge } from "@/components/ui/Badge";
import { Button } from "@/components/ui/Button";
import { DangerAction } from "@/components/ui/DangerAction";
import { Table, TBody, THead, Td, Th } from "@/components/ui/Table";
import { EVENT_LABELS, type NotifyEventName } from "@/lib/api/notify-events";
import type { Channel, Delivery } from "@/lib/api/notify-schemas";
import { targetOf } from "./channel-form";

const KIND_LABELS: Record<Channel["kind"], string> = { webhook: "Webhook", push: "Push", smtp: "E-mail" };

export type TestState = { channel: string; pending: boolean; result: Delivery | null; error: string | null };

/** What "Send test" came to, in words: "delivered", or why not. */
function TestOutcome({ state }: { state: TestState }) {
  const failure = state.error ?? (state.result && !state.result.ok ? state.result.error : null);
  return (
    <span role="status" className="text-xs">
      {state.pending ? (
        <span className="text-fg-muted">Sending…</span>
      ) : failure ? (
        <span className="break-words text-danger-fg">Not delivered: {failure}</span>
      ) : (
        <Badge tone="green">delivered</Badge>
      )}
    </span>
  );
}

export function ChannelsTable({
  channels,
  test,
  onTest,
  onEdit,
  onRemove,
}: {
  channels: Channel[];
  test: TestState | null;
  onTest: (c: Channel) => void;
  onEdit: (c: Channel) => void;
  onRemove: (c: Channel) => void;
}) {
  return (
    <div className="rounded-lg border border-line bg-surface shadow-sm">
      <Table caption="Notification channels" className="min-w-[46rem]">
        <THead>
          <Th>Name</Th>
          <Th>Kind</Th>
          <Th>Sends to</Th>
          <Th>Events</Th>
          <Th>
            <span className="sr-only">Actions</span>
          </Th>
        </THead>
        <TBody>
          {channels.map((c) => {
            const name = c.name ?? KIND_LABELS[c.kind];
            return (
              <tr key={c.id}>
                <th scope="row" className="px-3 py-2 text-left align-top font-medium">
                  {name}
                  {c.hasSecret && <span className="block text-xs font-normal text-fg-subtle">{c.kind === "webhook" ? "signed" : "with credentials"}</span>}
                </th>
                <Td>
                  <Badge tone="sky">{KIND_LABELS[c.kind]}</Badge>
                </Td>
                <Td className="max-w-[18rem] font-mono text-xs break-all">{targetOf(c)}</Td>
                <Td className="text-xs">{c.events ? c.events.map((e) => EVENT_LABELS[e as NotifyEventName] ?? e).join(", ") : "every event"}</Td>
                <Td className="text-right align-top">
                  <div className="-my-1.5 flex flex-wrap items-center justify-end gap-1">
                    {test?.channel === c.id && <TestOutcome state={test} />}
                    <Button variant="ghost" icon={Send} onClick={() => onTest(c)} disabled={test?.pending}>
                      Send test<span className="sr-only"> to {name}</span>
                    </Button>
                    <Button variant="ghost" onClick={() => onEdit(c)}>
                      Edit<span className="sr-only"> {name}</span>
                    </Button>
                    <DangerAction label="Delete" context={`channel ${name}`} onClick={() => onRemove(c)} />
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
