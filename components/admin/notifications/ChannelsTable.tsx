"use client";
import { Send } from "lucide-react";
import { Badge } from "@/components/ui/Badge";
import { Button } from "@/components/ui/Button";
import { DangerAction } from "@/components/ui/DangerAction";
import { DataTable, type DataColumn } from "@/components/ui/DataTable";
import { byText, type Comparators } from "@/components/ui/sort-rows";
import { useSortedRows } from "@/components/ui/useSortedRows";
import { EVENT_LABELS, type NotifyEventName } from "@/lib/api/notify-events";
import type { Channel, Delivery } from "@/lib/api/notify-schemas";
import { targetOf } from "./channel-form";

const KIND_LABELS: Record<Channel["kind"], string> = { webhook: "Webhook", push: "Push", smtp: "E-mail" };

export type TestState = { channel: string; pending: boolean; result: Delivery | null; error: string | null };

type Actions = {
  test: TestState | null;
  onTest: (c: Channel) => void;
  onEdit: (c: Channel) => void;
  onRemove: (c: Channel) => void;
};

const nameOf = (c: Channel) => c.name ?? KIND_LABELS[c.kind];
const eventsOf = (c: Channel) => (c.events ? c.events.map((e) => EVENT_LABELS[e as NotifyEventName] ?? e).join(", ") : "every event");

const COMPARE: Comparators<Channel> = { name: byText(nameOf), kind: byText((c) => KIND_LABELS[c.kind]) };

// Where it sends and a test's outcome wrap; below 840 px the rows are cards.
const columns = (actions: Actions): DataColumn<Channel>[] => [
  { id: "name", header: "Name", rowHeader: true, sortable: true, wrap: true, width: "minmax(9rem, 1fr)", cell: (c) => <ChannelName channel={c} /> },
  { id: "kind", header: "Kind", sortable: true, width: "6.5rem", cell: (c) => <Badge tone="sky">{KIND_LABELS[c.kind]}</Badge> },
  { id: "target", header: "Sends to", wrap: true, width: "minmax(10rem, 1.5fr)", cell: (c) => <Target channel={c} test={actions.test} /> },
  { id: "events", header: "Events", wrap: true, width: "minmax(9rem, 1.2fr)", cell: (c) => <span className="text-xs">{eventsOf(c)}</span> },
  { id: "actions", header: "Actions", headerHidden: true, align: "center", width: "17rem", cell: (c) => <ChannelActions channel={c} {...actions} /> },
];

export function ChannelsTable({ channels, ...actions }: Actions & { channels: Channel[] }) {
  const { rows, sort, onSort } = useSortedRows(channels, COMPARE, { id: "name", desc: false });
  return (
    <DataTable
      label="Notification channels"
      data={rows}
      columns={columns(actions)}
      getRowId={(c) => c.id}
      sort={sort}
      onSort={onSort}
      rowHeight={48}
      renderCard={(c) => <ChannelCard channel={c} {...actions} />}
      cardsBelow={840}
      cardHeight={88}
    />
  );
}

function ChannelName({ channel: c }: { channel: Channel }) {
  return (
    <>
      <span className="block font-medium text-fg">{nameOf(c)}</span>
      {c.hasSecret && <span className="block text-xs text-fg-subtle">{c.kind === "webhook" ? "signed" : "with credentials"}</span>}
    </>
  );
}

/** Where it sends, and under it what "Send test" came to, when it was this channel's. */
function Target({ channel: c, test }: { channel: Channel; test: TestState | null }) {
  return (
    <>
      <span className="block font-mono text-xs break-all">{targetOf(c)}</span>
      {test?.channel === c.id && <TestOutcome state={test} />}
    </>
  );
}

/** What "Send test" came to, in words: "delivered", or why not. */
function TestOutcome({ state }: { state: TestState }) {
  const failure = state.error ?? (state.result && !state.result.ok ? state.result.error : null);
  return (
    <span role="status" className="mt-1 block text-xs">
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

function ChannelActions({ channel: c, test, onTest, onEdit, onRemove, card = false }: Actions & { channel: Channel; card?: boolean }) {
  const name = nameOf(c);
  const size = card ? "sm" : "md";
  return (
    <div className={`flex w-full gap-1 ${card ? "-ml-2" : "justify-end px-2"}`}>
      <Button variant="ghost" size={size} icon={Send} onClick={() => onTest(c)} disabled={test?.pending}>
        Send test<span className="sr-only"> to {name}</span>
      </Button>
      <Button variant="ghost" size={size} onClick={() => onEdit(c)}>
        Edit<span className="sr-only"> {name}</span>
      </Button>
      <DangerAction label="Delete" context={`channel ${name}`} onClick={() => onRemove(c)} size={size} />
    </div>
  );
}

/** A channel on a phone: name and kind; where it sends (and a test's outcome); its events; then the actions. */
function ChannelCard({ channel: c, ...actions }: Actions & { channel: Channel }) {
  return (
    <div className="flex flex-col gap-1 text-sm">
      <div className="flex min-w-0 items-start gap-2">
        <span className="min-w-0 flex-1">
          <ChannelName channel={c} />
        </span>
        <Badge tone="sky">{KIND_LABELS[c.kind]}</Badge>
      </div>
      <span className="text-fg-muted">
        <Target channel={c} test={actions.test} />
      </span>
      <span className="text-xs text-fg-muted">{eventsOf(c)}</span>
      <ChannelActions channel={c} card {...actions} />
    </div>
  );
}
