// The period a plan or summary covers, picked as a person thinks of it (a week, a month, a
// year) and kept as its first day.
import { DatePicker } from "antd";
import dayjs from "dayjs";
import type { FieldValues } from "react-hook-form";
import { ControlledField } from "../ControlledField";
import { periodStart, type Period } from "./period";
import type { Control, FieldPath } from "react-hook-form";

export function PeriodField<T extends FieldValues>({
  control,
  name,
  idPrefix,
  label,
  period,
  required,
  disabled,
}: {
  control: Control<T>;
  name: FieldPath<T>;
  idPrefix: string;
  label: string;
  period: Period;
  required: string;
  disabled?: boolean;
}) {
  return (
    <ControlledField
      control={control}
      name={name}
      idPrefix={idPrefix}
      label={label}
      required
      rules={{ required }}
      render={(props) => (
        <DatePicker
          id={props.id}
          data-testid={props["data-testid"]}
          aria-invalid={props["aria-invalid"]}
          aria-describedby={props["aria-describedby"]}
          picker={period}
          disabled={disabled}
          value={props.value ? dayjs(props.value as string) : null}
          onChange={(d) => props.onChange(d ? periodStart(period, d.format("YYYY-MM-DD")) : null)}
          style={{ width: "100%" }}
        />
      )}
    />
  );
}
