"use client";
import { Pencil, PlugZap } from "lucide-react";
import { Badge } from "@/components/ui/Badge";
import { Button } from "@/components/ui/Button";
import { DangerAction } from "@/components/ui/DangerAction";
import { DataTable, type DataColumn } from "@/components/ui/DataTable";
import { PathText } from "@/components/ui/PathText";
import { byNumber, byText, type Comparators } from "@/components/ui/sort-rows";
import { useSortedRows } from "@/components/ui/useSortedRows";
import type { EngineTestResult } from "@/lib/api/engine-types";
import type { Engine } from "@/lib/api/types";
import { DisabledDangerAction } from "../DisabledDangerAction";
import { EngineStatus, TestOutcome } from "./EngineStatus";

export type RowTest = { id: string; pending: boolean; result?: EngineTestResult; error?: unknown };

type Actions = {
  test: RowTest | null;
  onTest: (engine: Engine) => void;
  onEdit: (engine: Engine) => void;
  onRemove: (engine: Engine) => void;
};

const ENV_REASON = "Set by the environment (DOCKER_HOST or VOLDECK_ENGINES): change it there.";
const fromEnv = (e: Engine) => e.source !== "console";

// By source, the environment's engines first: the API's own order (the default engine leads).
const COMPARE: Comparators<Engine> = {
  name: byText((e) => e.name),
  source: byNumber((e) => (fromEnv(e) ? 0 : 1)),
};

// Address and status wrap (a long socket path, an unreachable engine's sentence); below 960 px the rows are cards.
const columns = (actions: Actions): DataColumn<Engine>[] => [
  { id: "name", header: "Engine", rowHeader: true, sortable: true, wrap: true, width: "minmax(9rem, 0.8fr)", cell: (e) => <EngineName engine={e} /> },
  { id: "address", header: "Address", wrap: true, width: "minmax(12rem, 1.2fr)", cell: (e) => <Address engine={e} /> },
  { id: "source", header: "Source", sortable: true, width: "7.5rem", cell: (e) => <Source engine={e} /> },
  { id: "status", header: "Status", wrap: true, width: "minmax(13rem, 2fr)", cell: (e) => <Status engine={e} test={actions.test} /> },
  { id: "actions", header: "Actions", headerHidden: true, align: "center", width: "16.5rem", cell: (e) => <EngineActions engine={e} {...actions} /> },
];

export function EnginesTable({ engines, ...actions }: Actions & { engines: Engine[] }) {
  const { rows, sort, onSort } = useSortedRows(engines, COMPARE, { id: "source", desc: false });
  return (
    <DataTable
      label="Engines"
      data={rows}
      columns={columns(actions)}
      getRowId={(e) => e.id}
      sort={sort}
      onSort={onSort}
      rowHeight={48}
      renderCard={(e) => <EngineCard engine={e} {...actions} />}
      cardsBelow={960}
      cardHeight={96}
    />
  );
}

function EngineName({ engine }: { engine: Engine }) {
  return (
    <>
      <span className="block font-medium text-fg">{engine.name}</span>
      {engine.name !== engine.id && <span className="block font-mono text-xs text-fg-subtle">{engine.id}</span>}
    </>
  );
}

function Address({ engine }: { engine: Engine }) {
  return (
    <span className="text-xs">
      <PathText path={engine.endpoint} />
      {engine.credentials?.tls && (
        <span className="ml-1 font-sans">
          <Badge tone="green">TLS</Badge>
        </span>
      )}
    </span>
  );
}

function Source({ engine }: { engine: Engine }) {
  const env = fromEnv(engine);
  return (
    <Badge tone={env ? "slate" : "sky"} title={env ? ENV_REASON : "Added on this page"}>
      {env ? "environment" : "console"}
    </Badge>
  );
}

function Status({ engine, test }: { engine: Engine; test: RowTest | null }) {
  return (
    <>
      <EngineStatus engine={engine} />
      {test?.id === engine.id && (
        <div className="mt-1">
          <TestOutcome result={test.result} pending={test.pending} error={test.error} />
        </div>
      )}
    </>
  );
}

function EngineActions({ engine: e, test, onTest, onEdit, onRemove, card = false }: Actions & { engine: Engine; card?: boolean }) {
  const size = card ? "sm" : "md";
  return (
    <div className={`flex w-full gap-1 ${card ? "-ml-2" : "justify-end px-2"}`}>
      <Button variant="ghost" size={size} icon={PlugZap} onClick={() => onTest(e)} disabled={test?.id === e.id && test.pending}>
        Test<span className="sr-only"> connection to {e.id}</span>
      </Button>
      {fromEnv(e) ? (
        <DisabledDangerAction label="Remove" context={`engine ${e.id}`} reason={ENV_REASON} reasonId={`env-reason-${e.id}`} size={size} />
      ) : (
        <>
          <Button variant="ghost" size={size} icon={Pencil} onClick={() => onEdit(e)}>
            Edit<span className="sr-only"> engine {e.id}</span>
          </Button>
          <DangerAction label="Remove" context={`engine ${e.id}`} onClick={() => onRemove(e)} size={size} />
        </>
      )}
    </div>
  );
}

/** An engine on a phone: name and source; its address; its status (and a test's outcome); then the actions. */
function EngineCard({ engine, ...actions }: Actions & { engine: Engine }) {
  return (
    <div className="flex flex-col gap-1 text-sm">
      <div className="flex min-w-0 items-start gap-2">
        <span className="min-w-0 flex-1">
          <EngineName engine={engine} />
        </span>
        <Source engine={engine} />
      </div>
      <Address engine={engine} />
      <Status engine={engine} test={actions.test} />
      <EngineActions engine={engine} card {...actions} />
    </div>
  );
}
