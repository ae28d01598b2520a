import { Badge } from "@/components/ui/Badge";
import { DataTable, type DataColumn } from "@/components/ui/DataTable";
import { rowsAreVirtual } from "@/components/ui/DataTableBody";
import { Time } from "@/components/ui/Time";
import type { Channel, Delivery } from "@/lib/api/notify-schemas";

const Outcome = ({ d }: { d: Delivery }) => (d.ok ? <Badge tone="green">delivered</Badge> : <Badge tone="red">failed</Badge>);

// Up to the virtualising threshold a failure's reason wraps under its badge; beyond it (up to 200 attempts are
// listed) every row is one line and the reason is cut, whole in its title.
function columns(nameOf: (id: string) => string, oneLine: boolean): DataColumn<Delivery>[] {
  return [
    { id: "at", header: "Time", width: "8.5rem", cell: (d) => <Time iso={d.at} /> },
    { id: "channel", header: "Channel", width: "minmax(8rem, 1fr)", rowHeader: true, wrap: true, cell: (d) => nameOf(d.channel) },
    { id: "event", header: "Event", width: "minmax(8rem, 1fr)", wrap: true, cell: (d) => <span className="block font-mono text-xs">{d.event}</span> },
    {
      id: "outcome",
      header: "Outcome",
      width: "minmax(10rem, 2fr)",
      wrap: true,
      cell: (d) => (
        <>
          <Outcome d={d} />
          {d.error && (
            <span title={oneLine ? d.error : undefined} className={`text-xs text-fg-muted ${oneLine ? "ml-2" : "mt-0.5 block break-words"}`}>
              {d.error}
            </span>
          )}
        </>
      ),
    },
    { id: "attempt", header: "Attempt", width: "5rem", align: "right", cell: (d) => d.attempt },
  ];
}

const deliveryId = (d: Delivery) => String(d.id);

/** Every attempt, newest first: a retried delivery shows one row per attempt. */
export function DeliveriesTable({ deliveries, channels }: { deliveries: Delivery[]; channels: Channel[] }) {
  const nameOf = (id: string) => {
    const c = channels.find((ch) => ch.id === id);
    return c ? (c.name ?? c.kind) : `${id} (deleted)`;
  };
  const oneLine = rowsAreVirtual(deliveries.length);
  return (
    <DataTable
      label="Recent deliveries"
      data={deliveries}
      columns={columns(nameOf, oneLine)}
      getRowId={deliveryId}
      cardHeight={76}
      renderCard={(d) => (
        <div className="space-y-1 text-xs">
          <div className="flex items-start justify-between gap-3">
            <span className={`min-w-0 text-sm font-medium text-fg ${oneLine ? "truncate" : "[overflow-wrap:anywhere]"}`}>{nameOf(d.channel)}</span>
            <Outcome d={d} />
          </div>
          <p className="truncate text-fg-muted">
            <Time iso={d.at} /> · <span className="font-mono">{d.event}</span> · attempt {d.attempt}
          </p>
          {d.error && <p className={`text-fg-muted ${oneLine ? "truncate" : "break-words"}`}>{d.error}</p>}
        </div>
      )}
    />
  );
}
