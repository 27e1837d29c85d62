// One editable cell of the permission matrix. A matrix holds roles x (resource, action)
// cells, easily thousands, so:
// - a cell is a plain button until someone opens it; only then does it become an Ant
//   Select (opened and focused), and it turns back into a button when a scope is chosen,
//   on Escape or when focus leaves;
// - unsaved edits live in a small store that each cell subscribes to by its own key, so
//   changing one cell re-renders that cell, not the table.
import { Select, theme } from "antd";
import { memo, useEffect, useMemo, useRef, useState, useSyncExternalStore, type CSSProperties } from "react";
import type { Scope } from "./queries";

/** Unsaved edits by cell key. `snapshot()` is a new Map after every change (for the page). */
export interface EditStore {
  subscribe: (listener: () => void) => () => void;
  snapshot: () => ReadonlyMap<string, Scope | null>;
  set: (key: string, scope: Scope | null) => void;
  clear: () => void;
}

export function createEditStore(): EditStore {
  let edits: ReadonlyMap<string, Scope | null> = new Map();
  const listeners = new Set<() => void>();
  const publish = (next: ReadonlyMap<string, Scope | null>) => {
    edits = next;
    listeners.forEach((listener) => listener());
  };
  return {
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    snapshot: () => edits,
    set: (key, scope) => publish(new Map(edits).set(key, scope)),
    clear: () => publish(new Map()),
  };
}

export type CellLooks = readonly [CSSProperties, CSSProperties];

/** The cell button's look from the theme, [unchanged, changed]: computed once per table, not per cell. */
export function useCellLooks(): CellLooks {
  const { token } = theme.useToken();
  return useMemo(() => {
    const base: CSSProperties = {
      minWidth: 120,
      height: 24,
      padding: "0 7px",
      display: "inline-flex",
      alignItems: "center",
      justifyContent: "space-between",
      gap: 8,
      font: "inherit",
      color: token.colorText,
      background: token.colorBgContainer,
      border: `1px solid ${token.colorBorder}`,
      borderRadius: token.borderRadiusSM,
      cursor: "pointer",
    };
    return [base, { ...base, borderColor: token.colorWarning, fontWeight: 600 }] as const;
  }, [token]);
}

export interface MatrixCellProps {
  store: EditStore;
  /** The cell's key (role|resource|action). */
  cellKey: string;
  /** The saved scope (null = empty cell). */
  saved: Scope | null;
  /** Scopes this resource accepts, in order. */
  scopes: readonly Scope[];
  /** Labels for each scope and for "no access" (what the cell shows). */
  labels: Readonly<Record<Scope | "none", string>>;
  /** Spoken name of the cell, e.g. "Manager – Staff – Delete". */
  ariaLabel: string;
  /** Spoken word for an empty cell ("No access"), since "—" says nothing. */
  noAccess: string;
  /** Button looks from the theme (useCellLooks). */
  looks: CellLooks;
  testId: string;
}

function MatrixCellInner({
  store,
  cellKey,
  saved,
  scopes,
  labels,
  ariaLabel,
  noAccess,
  looks,
  testId,
}: MatrixCellProps) {
  const edit = useSyncExternalStore(store.subscribe, () => store.snapshot().get(cellKey));
  const value = edit === undefined ? saved : edit;
  const changed = value !== saved;
  const [editing, setEditing] = useState(false);
  const [refocus, setRefocus] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!editing && refocus) {
      button.current?.focus();
      setRefocus(false);
    }
  }, [editing, refocus]);

  const text = labels[value ?? "none"];
  if (!editing) {
    return (
      <button
        ref={button}
        type="button"
        style={looks[changed ? 1 : 0]}
        aria-label={`${ariaLabel}: ${value ? text : noAccess}${changed ? " *" : ""}`}
        aria-haspopup="listbox"
        data-testid={testId}
        data-changed={changed ? "true" : undefined}
        onClick={() => setEditing(true)}
      >
        {changed ? `${text} *` : text}
        <span aria-hidden style={{ opacity: 0.6, fontSize: 10 }}>
          ▾
        </span>
      </button>
    );
  }
  return (
    <Select<Scope | "none">
      size="small"
      autoFocus
      defaultOpen
      value={value ?? "none"}
      status={changed ? "warning" : undefined}
      style={{ minWidth: 120, fontWeight: changed ? 600 : undefined }}
      aria-label={ariaLabel}
      data-testid={testId}
      onBlur={() => setEditing(false)}
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          setEditing(false);
          setRefocus(true);
        }
      }}
      onChange={(next) => {
        store.set(cellKey, next === "none" ? null : next);
        setEditing(false);
        setRefocus(true);
      }}
      options={[
        { value: "none", label: labels.none },
        ...scopes.map((scope) => ({ value: scope, label: labels[scope], "data-testid": `${testId}-${scope}` })),
      ]}
    />
  );
}

export const MatrixCell = memo(MatrixCellInner);
