"use client";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Database, Plus } from "lucide-react";
import { useState } from "react";
import { useCan } from "@/components/auth/SessionProvider";
import { StaleNote } from "@/components/volumes/list/StaleNote";
import { ErrorAlert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { PageHeader } from "@/components/ui/PageHeader";
import { Panel } from "@/components/ui/Panel";
import { QueryError } from "@/components/ui/QueryError";
import { EmptyState, Loading } from "@/components/ui/States";
import { useConfirmedMutation } from "@/components/ui/useConfirmedMutation";
import type { Repository } from "@/lib/api/repository-types";
import { plural } from "@/lib/format";
import { AddRepositoryDialog } from "./AddRepositoryDialog";
import { CheckScheduleDialog } from "./CheckScheduleDialog";
import { RepositoryList } from "./RepositoryList";
import { REPOSITORIES_POLL_MS, removeRepositoryMutation, repositoriesQuery } from "./repository-queries";

/** The restic repositories: each one's live status and figures; admins add and remove them. */
export function RepositoriesPage() {
  const qc = useQueryClient();
  const isAdmin = useCan("admin");
  const repos = useQuery({ ...repositoriesQuery(), refetchInterval: REPOSITORIES_POLL_MS });
  const [adding, setAdding] = useState(0);
  const [editingCheck, setEditingCheck] = useState<Repository | null>(null);
  const { target: removing, ask: askRemove, dialog: removeDialog } = useConfirmedMutation(removeRepositoryMutation(qc), (r: Repository) => r.id);
  const data = repos.data;
  // A failed refresh keeps the last answer on screen: say how old it is.
  const asOf = repos.error && data && repos.dataUpdatedAt ? new Date(repos.dataUpdatedAt).toISOString() : null;
  const openAdd = () => setAdding((n) => n + 1);

  return (
    <section aria-labelledby="repositories-heading" className="space-y-5">
      <PageHeader
        id="repositories-heading"
        title="Repositories"
        actions={
          isAdmin && (
            <Button variant="primary" icon={Plus} onClick={openAdd}>
              Add repository
            </Button>
          )
        }
      >
        Encrypted, deduplicated restic repositories — on a local disk, over SFTP, in S3, on a REST server or any rclone remote — that keep volume snapshots away
        from the volumes themselves. Status and sizes are read from each repository as the page refreshes.{!isAdmin && " Only an admin can add or remove one."}{" "}
        {asOf && <StaleNote asOf={asOf} />}
      </PageHeader>

      {repos.isPending ? (
        <Loading label="Reading the repositories…" />
      ) : !data ? (
        <QueryError error={repos.error} title="The repositories could not be listed." retry={repos} />
      ) : data.length === 0 ? (
        <EmptyState title="No repositories yet." icon={Database}>
          {isAdmin ? (
            <>
              <p>Add a place for snapshots: a directory on another disk, an SFTP server, an S3 bucket, a restic REST server or an rclone remote.</p>
              <Button variant="primary" icon={Plus} onClick={openAdd} className="mt-4">
                Add repository
              </Button>
            </>
          ) : (
            <p>An admin can add one: a directory on another disk, an SFTP server, an S3 bucket, a restic REST server or an rclone remote.</p>
          )}
        </EmptyState>
      ) : (
        <Panel title={plural(data.length, "repository", "repositories")} flush>
          <RepositoryList repositories={data} onRemove={isAdmin ? askRemove : null} onEditCheck={isAdmin ? setEditingCheck : null} />
        </Panel>
      )}
      {repos.error && data && <ErrorAlert error={repos.error} title="The repositories could not be refreshed." />}

      {adding > 0 && <AddRepositoryDialog key={adding} onClose={() => setAdding(0)} />}
      {editingCheck && <CheckScheduleDialog key={editingCheck.id} repo={editingCheck} onClose={() => setEditingCheck(null)} />}
      <ConfirmDialog
        {...removeDialog}
        title={`Remove repository ${removing?.id ?? ""}?`}
        confirmLabel="Remove repository"
        pendingLabel="Removing…"
        errorTitle="The repository was not removed."
      >
        <p>
          The console forgets <strong>{removing?.name}</strong> and deletes its stored password and keys. The repository&apos;s data is left where it is, at{" "}
          <code className="[overflow-wrap:anywhere]">{removing?.location}</code>: its snapshots stay readable with restic and the repository password.
        </p>
        <p className="text-fg-muted">To use it here again, add it with the same location and password.</p>
      </ConfirmDialog>
    </section>
  );
}
