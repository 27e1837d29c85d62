// The dashboard's charts, drawn with @ant-design/plots. This module is loaded only when a
// card first draws a chart (the page imports it lazily), so no other page carries the
// charting library. A chart is a picture for the eye: it is named for assistive technology
// by its card, and its numbers are the card's table.
import { Bar, Column, Line } from "@ant-design/plots";
import type { ColorMode } from "../../providers/colorMode";
import { chartPalette, type Point } from "./queries";

export interface ChartProps {
  kind: "column" | "line" | "bar";
  data: Point[];
  mode: ColorMode;
  /** Columns of several series side by side (group) or on top of each other (stack). */
  layout?: "group" | "stack";
  /** Shown in the tooltip and on the axis: how a value reads. */
  format?: (value: number) => string;
  height?: number;
}

export default function Chart({ kind, data, mode, layout = "group", format, height = 260 }: ChartProps) {
  const common = {
    data,
    xField: "x",
    yField: "value",
    colorField: "series",
    height,
    autoFit: true,
    theme: mode === "dark" ? "classicDark" : "classic",
    scale: { color: { range: [...chartPalette[mode]] } },
    legend: { color: { position: "bottom" as const, layout: { justifyContent: "center" } } },
    axis: { y: { labelFormatter: format } },
    tooltip: { items: [{ channel: "y", valueFormatter: format }] },
    animate: false as const,
  };
  if (kind === "line") return <Line {...common} point={{ shapeField: "circle", sizeField: 3 }} />;
  if (kind === "bar") return <Bar {...common} {...{ [layout]: true }} />;
  return <Column {...common} {...{ [layout]: true }} />;
}
