// A list's field filters as its filter bar uses them: the value set on a field, and setting
// (or, with an empty value, clearing) one field's filter while keeping the others.
import type { CrudFilter } from "@refinedev/core";

export function fieldFilters(filters: CrudFilter[], setFilters: (filters: CrudFilter[], behavior: "replace") => void) {
  const value = (field: string) =>
    (filters.find((f) => "field" in f && f.field === field) as { value?: unknown } | undefined)?.value;
  const setFilter = (field: string, operator: CrudFilter["operator"], next: unknown) => {
    const others = filters.filter((f) => !("field" in f) || f.field !== field);
    const empty = next === undefined || next === null || next === "";
    setFilters(empty ? others : [...others, { field, operator, value: next } as CrudFilter], "replace");
  };
  return { value, setFilter };
}
