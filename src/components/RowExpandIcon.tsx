// The expand/collapse button of every table row (tree tables and expandable rows), named in
// the interface language: Ant Design's own button lost its name here (axe: button-name).
import type { TableProps } from "antd";
import type { MouseEvent } from "react";

type ExpandIconRender = NonNullable<NonNullable<TableProps<object>["expandable"]>["expandIcon"]>;

export function rowExpandIcon(labels: { expand: string; collapse: string }): ExpandIconRender {
  return function RowExpandIcon({ prefixCls, expanded, expandable, record, onExpand }) {
    const icon = `${prefixCls}-row-expand-icon`;
    if (!expandable) return <span className={`${icon} ${icon}-spaced`} aria-hidden="true" />;
    return (
      <button
        type="button"
        className={`${icon} ${expanded ? `${icon}-expanded` : `${icon}-collapsed`}`}
        aria-label={expanded ? labels.collapse : labels.expand}
        aria-expanded={expanded}
        onClick={(event: MouseEvent<HTMLElement>) => {
          event.stopPropagation();
          onExpand(record, event);
        }}
      />
    );
  };
}
