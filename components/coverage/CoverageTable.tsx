import { Badge } from "@/components/ui/Badge";
import { Table, TBody, Td, Th, THead } from "@/components/ui/Table";
import { Time } from "@/components/ui/Time";
import type { CoverageVolume } from "@/lib/api/coverage-types";
import { DrillOutcome } from "./DrillOutcome";
import { STATE_LOOK } from "./states";

/** One row per volume: its state, what protects it (or keeps it out), its last success and next run, and its last drill. */
export function CoverageTable({ volumes }: { volumes: CoverageVolume[] }) {
  return (
    <Table caption="Coverage per volume" className="min-w-[48rem]">
      <THead>
        <Th>Volume</Th>
        <Th>Engine</Th>
        <Th>State</Th>
        <Th>Policy</Th>
        <Th className="whitespace-nowrap">Last success</Th>
        <Th className="whitespace-nowrap">Next run</Th>
        <Th>Last proven restorable</Th>
      </THead>
      <TBody>
        {volumes.map((v) => (
          <tr key={`${v.engine}/${v.volume}`} className="border-b border-line last:border-0">
            <Td className="font-mono text-xs [overflow-wrap:anywhere]">{v.volume}</Td>
            <Td className="text-fg-muted">{v.engine}</Td>
            <Td>
              <Badge tone={STATE_LOOK[v.state].tone} title={STATE_LOOK[v.state].hint}>
                {STATE_LOOK[v.state].label}
              </Badge>
            </Td>
            <Td className="text-fg-muted">{v.policyName ?? v.policy ?? (v.excludedBy ? `kept out by ${v.excludedBy}` : "—")}</Td>
            <Td>
              <Time iso={v.lastSuccessAt} empty="never" />
            </Td>
            <Td>
              <Time iso={v.nextRunAt} />
            </Td>
            <Td>
              <DrillOutcome volume={v} />
            </Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}
