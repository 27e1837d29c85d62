// A plain HTML table in the theme's colours, for documents that show many small tables at once
// (the handbook: a ladder per rule, a template per position): Ant Design's Table, with its
// sorting, scrolling and measuring, took the reference department's handbook (about 400
// tables) 12 s to show; with these, 3 s (and 1 s once only nearby chapters are laid out).
import { theme } from "antd";
import type { CSSProperties, ReactNode } from "react";

export interface PlainColumn<T> {
  key: string;
  title: ReactNode;
  align?: "left" | "right";
  width?: number;
  render: (row: T) => ReactNode;
}

export function PlainTable<T>({
  columns,
  rows,
  rowKey,
  empty,
  testId,
}: {
  columns: PlainColumn<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  empty?: ReactNode;
  testId?: string;
}) {
  const { token } = theme.useToken();
  const cell = (align: "left" | "right" = "left", width?: number): CSSProperties => ({
    padding: "6px 8px",
    borderBottom: `1px solid ${token.colorBorderSecondary}`,
    textAlign: align,
    verticalAlign: "top",
    width,
  });
  return (
    <table
      data-testid={testId}
      style={{ width: "100%", borderCollapse: "collapse", margin: "8px 0 16px", color: token.colorText }}
    >
      <thead>
        <tr>
          {columns.map((c) => (
            <th
              key={c.key}
              scope="col"
              style={{ ...cell(c.align, c.width), background: token.colorFillAlter, fontWeight: 600 }}
            >
              {c.title}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 ? (
          <tr>
            <td colSpan={columns.length} style={{ ...cell(), color: token.colorTextSecondary }}>
              {empty}
            </td>
          </tr>
        ) : (
          rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((c) => (
                <td key={c.key} style={cell(c.align, c.width)}>
                  {c.render(row)}
                </td>
              ))}
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}
