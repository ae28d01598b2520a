"use client";
import { Plus } from "lucide-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ErrorAlert } from "@/components/ui/Alert";
import { Button } from "@/components/ui/Button";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { EmptyState, Loading } from "@/components/ui/States";
import { useConfirmedMutation } from "@/components/ui/useConfirmedMutation";
import { channelsQuery, deliveriesQuery, removeChannelMutation, testChannelMutation } from "@/lib/api/notify-queries";
import type { Channel } from "@/lib/api/notify-schemas";
import { AdminHeader } from "../AdminHeader";
import { ChannelFormDialog } from "./ChannelFormDialog";
import { ChannelsTable, type TestState } from "./ChannelsTable";
import { DeliveriesTable } from "./DeliveriesTable";

export function NotificationsPage() {
  const qc = useQueryClient();
  const channels = useQuery(channelsQuery());
  const deliveries = useQuery(deliveriesQuery());
  const [editing, setEditing] = useState<Channel | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const [test, setTest] = useState<TestState | null>(null);
  const sendTest = useMutation(testChannelMutation(qc));
  const { target: removing, ask: askRemove, dialog: removeDialog } = useConfirmedMutation(removeChannelMutation(qc), (c: Channel) => c.id);

  const open = (c: Channel | null) => (setEditing(c), setFormOpen(true));
  const runTest = (c: Channel) => {
    setTest({ channel: c.id, pending: true, result: null, error: null });
    sendTest.mutate(c.id, {
      onSuccess: (result) => setTest({ channel: c.id, pending: false, result, error: null }),
      onError: (e) => setTest({ channel: c.id, pending: false, result: null, error: e.message }),
    });
  };

  return (
    <section aria-labelledby="notifications-heading" className="space-y-4">
      <AdminHeader
        id="notifications-heading"
        title="Notifications"
        actions={
          <Button variant="primary" icon={Plus} onClick={() => open(null)}>
            Add channel
          </Button>
        }
      >
        Where the console says that a backup failed, a policy went stale, a restore drill failed, an engine stopped answering or backup storage is nearly full.
        A failed delivery is tried again three times (after 1, 4 and 16 seconds); every attempt is listed below.
      </AdminHeader>
      {channels.error && <ErrorAlert error={channels.error} title="The channels could not be listed." />}
      {channels.data ? (
        channels.data.length ? (
          <ChannelsTable channels={channels.data} test={test} onTest={runTest} onEdit={open} onRemove={askRemove} />
        ) : (
          <EmptyState title="No notification channels yet.">
            <p>Add a webhook, a push topic or an e-mail address, then send a test.</p>
          </EmptyState>
        )
      ) : (
        !channels.error && <Loading label="Loading channels…" />
      )}

      <h2 className="pt-2 text-base font-semibold text-fg">Recent deliveries</h2>
      {deliveries.error && <ErrorAlert error={deliveries.error} title="The deliveries could not be listed." />}
      {deliveries.data &&
        (deliveries.data.length ? (
          <DeliveriesTable deliveries={deliveries.data} channels={channels.data ?? []} />
        ) : (
          <p className="text-sm text-fg-muted">Nothing sent yet.</p>
        ))}

      <ChannelFormDialog open={formOpen} channel={editing} onClose={() => setFormOpen(false)} />
      <ConfirmDialog
        {...removeDialog}
        title={`Delete channel ${removing?.name ?? ""}?`}
        confirmLabel="Delete channel"
        pendingLabel="Deleting…"
        errorTitle="The channel was not deleted."
      >
        <p>Nothing more is sent to it. Its past deliveries stay in the list below.</p>
      </ConfirmDialog>
    </section>
  );
}
