// @vitest-environment jsdom
// The matrix cell: a light button that opens a scope picker, writes the choice to the edit
// store, marks itself changed, gives focus back, and re-renders alone when one cell changes.
import { act, cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { Profiler } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { createEditStore, MatrixCell, type EditStore } from "./cell";
import type { Scope } from "./queries";

const labels = { none: "—", own: "Own", territory: "Territory", all: "All" } as const;
const looks = [{}, { fontWeight: 600 }] as const;

function cell(store: EditStore, key: string, saved: Scope | null) {
  return (
    <MatrixCell
      store={store}
      cellKey={key}
      saved={saved}
      scopes={["own", "territory", "all"]}
      labels={labels}
      ariaLabel={`Manager – Staff – ${key}`}
      noAccess="No access"
      looks={looks}
      testId={`cell-${key}`}
    />
  );
}

afterEach(cleanup);

describe("a permission matrix cell", () => {
  it("shows the saved scope as a button whose name says the cell and, for an empty one, 'No access'", () => {
    const store = createEditStore();
    render(
      <>
        {cell(store, "read", "all")}
        {cell(store, "delete", null)}
      </>,
    );
    expect(screen.getByTestId("cell-read").tagName).toBe("BUTTON");
    expect(screen.getByTestId("cell-read").textContent).toBe("All▾");
    expect(screen.getByRole("button", { name: "Manager – Staff – delete: No access" })).toBeTruthy();
  });

  it("opens a picker on click; the chosen scope goes to the store, the cell shows it as changed and keeps focus", async () => {
    const store = createEditStore();
    render(cell(store, "read", "own"));
    fireEvent.click(screen.getByTestId("cell-read"));
    const option = await waitFor(() => {
      const found = Array.from(document.querySelectorAll(".ant-select-item-option")).find(
        (el) => el.textContent === "All",
      );
      if (!found) throw new Error("no option yet");
      return found;
    });
    fireEvent.click(option);
    expect(store.snapshot().get("read")).toBe("all");
    const button = await waitFor(() => {
      const found = screen.getByTestId("cell-read");
      if (found.tagName !== "BUTTON") throw new Error("still a picker");
      return found;
    });
    expect(button.textContent).toBe("All *▾");
    expect(button.getAttribute("data-changed")).toBe("true");
    await waitFor(() => expect(document.activeElement).toBe(button));
  });

  it("Escape closes the picker without changing anything and returns focus to the cell", async () => {
    const store = createEditStore();
    render(cell(store, "read", "own"));
    fireEvent.click(screen.getByTestId("cell-read"));
    const input = await waitFor(() => {
      const found = document.querySelector<HTMLInputElement>("input[role='combobox']");
      if (!found) throw new Error("no picker yet");
      return found;
    });
    fireEvent.keyDown(input, { key: "Escape" });
    const button = await waitFor(() => {
      const found = screen.getByTestId("cell-read");
      if (found.tagName !== "BUTTON") throw new Error("still a picker");
      return found;
    });
    expect(store.snapshot().size).toBe(0);
    expect(button.textContent).toBe("Own▾");
    await waitFor(() => expect(document.activeElement).toBe(button));
  });

  it("an edit re-renders the edited cell only, and going back to the saved scope clears the mark", () => {
    const store = createEditStore();
    const renders: Record<string, number> = { read: 0, delete: 0 };
    const count = (id: string) => {
      renders[id] = (renders[id] ?? 0) + 1;
    };
    render(
      <>
        <Profiler id="read" onRender={count}>
          {cell(store, "read", "own")}
        </Profiler>
        <Profiler id="delete" onRender={count}>
          {cell(store, "delete", null)}
        </Profiler>
      </>,
    );
    const before = { ...renders };
    act(() => store.set("read", "all"));
    expect(renders.read).toBe((before.read ?? 0) + 1);
    expect(renders.delete).toBe(before.delete);
    expect(screen.getByTestId("cell-read").textContent).toBe("All *▾");
    act(() => store.set("read", "own"));
    expect(screen.getByTestId("cell-read").textContent).toBe("Own▾");
    act(() => store.clear());
    expect(store.snapshot().size).toBe(0);
  });
});
