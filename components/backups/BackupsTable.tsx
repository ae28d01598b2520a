import { Button } from "@/components/ui/Button";
import { DangerAction } from "@/components/ui/DangerAction";
import { Table, TBody, THead, Td, Th } from "@/components/ui/Table";
import { Time } from "@/components/ui/Time";
import { backupDownloadUrl } from "@/lib/api/backup-queries";
import type { Backup } from "@/lib/api/types";
import { formatBytes, formatDateTime } from "@/lib/format";
import { backupAnchor } from "@/lib/routes";
import { CopyButton } from "./CopyButton";
import { VerifiedMark } from "./VerifiedMark";
import { backupSourceText, shortSha } from "./job-format";

type Props = {
  backups: Backup[];
  /** Absent for viewers: they may list backups, not take their data away or change anything. */
  onRestore?: (backup: Backup) => void;
  onDelete?: (backup: Backup) => void;
};

/** "pgdata, 2026-11-22 13:15:00 UTC": what each action names, for screen readers and the dialogs' titles. */
export const backupLabel = (b: Backup) => `${b.volume}, ${formatDateTime(b.createdAt)}`;

export function BackupsTable({ backups, onRestore, onDelete }: Props) {
  const actions = !!(onRestore || onDelete);
  return (
    <div className="rounded-lg border border-line bg-surface shadow-sm">
      <Table caption="Backups, newest first">
        <THead>
          <Th>Volume</Th>
          <Th>Engine</Th>
          <Th>Created</Th>
          <Th className="text-right">Size</Th>
          <Th>Compression</Th>
          <Th className="text-right">Entries</Th>
          <Th>SHA-256</Th>
          <Th>Verified</Th>
          {actions && (
            <Th>
              <span className="sr-only">Actions</span>
            </Th>
          )}
        </THead>
        <TBody>
          {backups.map((b) => (
            // The row is a link target (#backup-<id>) from a finished job, and then highlighted.
            <tr key={b.id} id={backupAnchor(b.id)} className="scroll-mt-24 target:bg-accent-soft">
              <th scope="row" className="max-w-xs px-3 py-2 text-left align-top font-medium [overflow-wrap:anywhere]">
                {b.volume}
                <span className="block text-xs font-normal text-fg-muted">{backupSourceText(b.dataPath)}</span>
              </th>
              <Td>{b.engine ?? <span className="text-fg-muted">none (uploaded)</span>}</Td>
              <Td>
                <Time iso={b.createdAt} />
              </Td>
              <Td className="text-right tabular-nums" title={`${b.sizeBytes.toLocaleString("en")} bytes`}>
                {formatBytes(b.sizeBytes)}
                {b.compression === "gzip" && <span className="block text-xs text-fg-muted">{formatBytes(b.bytes)} of data</span>}
              </Td>
              <Td>{b.compression === "gzip" ? "gzip" : "none"}</Td>
              <Td className="text-right tabular-nums">{b.entries.toLocaleString("en")}</Td>
              <Td className="whitespace-nowrap">
                <code title={b.sha256} className="font-mono text-xs text-fg">
                  {shortSha(b.sha256)}…
                </code>
                <CopyButton text={b.sha256} label={`Copy the SHA-256 of backup ${backupLabel(b)}`} />
              </Td>
              <Td>
                <VerifiedMark backup={b} />
              </Td>
              {actions && (
                <Td className="whitespace-nowrap text-right">
                  <div className="-my-1 flex justify-end gap-1">
                    {/* A plain link: the browser streams the file to disk itself, whatever its size. */}
                    <a
                      href={backupDownloadUrl(b.id)}
                      download={b.fileName}
                      className="inline-flex items-center rounded-md px-2 py-1.5 text-sm font-medium text-accent-fg hover:bg-accent-soft"
                    >
                      Download<span className="sr-only"> backup {backupLabel(b)}</span>
                    </a>
                    {onRestore && (
                      <Button variant="ghost" onClick={() => onRestore(b)}>
                        Restore…<span className="sr-only"> backup {backupLabel(b)}</span>
                      </Button>
                    )}
                    {onDelete && <DangerAction label="Delete" context={`backup ${backupLabel(b)}`} onClick={() => onDelete(b)} />}
                  </div>
                </Td>
              )}
            </tr>
          ))}
        </TBody>
      </Table>
    </div>
  );
}
