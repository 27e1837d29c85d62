// A table wider than the page scrolls sideways inside its own box. When the table holds nothing
// focusable (a read-only matrix), keyboard users could not scroll it (axe:
// scrollable-region-focusable): the box becomes a named, focusable region.
import { useEffect, useRef, type ReactNode } from "react";

export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // Ant Design's Table scrolls in its content element; make that element reachable and named.
    const scroller = box.current?.querySelector<HTMLElement>("[class$='-table-content'], [class*='-table-content ']");
    if (!scroller) return;
    scroller.tabIndex = 0;
    scroller.setAttribute("role", "region");
    scroller.setAttribute("aria-label", label);
  });
  return <div ref={box}>{children}</div>;
}
