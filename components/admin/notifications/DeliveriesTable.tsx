import { Badge } from "@/components/ui/Badge";
import { Table, TBody, THead, Td, Th } from "@/components/ui/Table";
import { Time } from "@/components/ui/Time";
import type { Channel, Delivery } from "@/lib/api/notify-schemas";

/** Every attempt, newest first: a retried delivery shows one row per attempt. */
export function DeliveriesTable({ deliveries, channels }: { deliveries: Delivery[]; channels: Channel[] }) {
  const nameOf = (id: string) => {
    const c = channels.find((ch) => ch.id === id);
    return c ? (c.name ?? c.kind) : `${id} (deleted)`;
  };
  return (
    <div className="rounded-lg border border-line bg-surface shadow-sm">
      <Table caption="Recent deliveries" className="min-w-[40rem]">
        <THead>
          <Th>Time</Th>
          <Th>Channel</Th>
          <Th>Event</Th>
          <Th>Outcome</Th>
          <Th>Attempt</Th>
        </THead>
        <TBody>
          {deliveries.map((d) => (
            <tr key={d.id}>
              <Td className="whitespace-nowrap">
                <Time iso={d.at} />
              </Td>
              <Td>{nameOf(d.channel)}</Td>
              <Td className="font-mono text-xs">{d.event}</Td>
              <Td>
                {d.ok ? <Badge tone="green">delivered</Badge> : <Badge tone="red">failed</Badge>}
                {d.error && <span className="mt-0.5 block text-xs break-words text-fg-muted">{d.error}</span>}
              </Td>
              <Td>{d.attempt}</Td>
            </tr>
          ))}
        </TBody>
      </Table>
    </div>
  );
}
