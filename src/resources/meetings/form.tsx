// The meeting form: kind, title, day, time and length, place, territory, organiser and the
// minutes; a training session's topic, trainer, material and pass score. It mirrors the
// database's checks (title 3-200 characters, 5-720 minutes).
import { useWatch } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { DateField, NumberField, SelectField, TerritoryField, TextField } from "../../components/fields";
import { ResourceFormPage, useResourceForm, type FormAction } from "../../components/ResourceForm";
import { today } from "../../utils/format";
import { usePeople } from "../customers/hooks";
import { useTopicOptions } from "../training_topics/hooks";
import {
  meetingDefaults,
  meetingKinds,
  meetingSelect,
  toMeetingPayload,
  type MeetingRow,
  type MeetingValues,
} from "./queries";

export function MeetingForm({ action }: { action: FormAction }) {
  const { t } = useTranslation();
  const { options: people } = usePeople();
  const form = useResourceForm<MeetingRow, MeetingValues>({
    resource: "meetings",
    action,
    meta: { select: meetingSelect },
    defaultValues: meetingDefaults(today()),
    toPayload: toMeetingPayload,
  });
  const kind = useWatch({ control: form.control, name: "kind" });
  const topics = useTopicOptions(kind === "training");
  const required = (key: string) => t("meetings.errors.required", { field: t(`meetings.fields.${key}`) });
  const field = { control: form.control, idPrefix: "meeting" } as const;
  return (
    <ResourceFormPage form={form} title={t(`meetings.titles.${action}`)}>
      <SelectField
        {...field}
        name="kind"
        label={t("meetings.fields.kind")}
        required={required("kind")}
        options={meetingKinds.map((k) => ({ value: k, label: t(`meetings.kind.${k}`) }))}
      />
      <TextField {...field} name="title" label={t("meetings.fields.title")} required={required("title")} max={200} />
      <DateField {...field} name="held_on" label={t("meetings.fields.held_on")} required={required("held_on")} />
      <TextField
        {...field}
        name="starts_at"
        label={t("meetings.fields.starts_at")}
        required={required("starts_at")}
        type="time"
      />
      <NumberField
        {...field}
        name="duration_minutes"
        label={t("meetings.fields.duration_minutes")}
        required={t("meetings.errors.duration")}
        min={5}
        max={720}
        fallback={null}
      />
      <TextField {...field} name="location" label={t("meetings.fields.location")} max={200} />
      <TerritoryField
        {...field}
        name="territory_id"
        label={t("meetings.fields.territory_id")}
        placeholder={t("meetings.hints.territory")}
        required={required("territory_id")}
        extra={t("meetings.hints.territoryScope")}
      />
      <SelectField
        {...field}
        name="organiser_id"
        label={t("meetings.fields.organiser_id")}
        required={required("organiser_id")}
        options={people}
        search
      />
      {kind === "training" && (
        <>
          <SelectField
            {...field}
            name="topic_id"
            label={t("meetings.fields.topic_id")}
            required={required("topic_id")}
            options={topics}
            search
          />
          <TextField
            {...field}
            name="trainer"
            label={t("meetings.fields.trainer")}
            extra={t("meetings.hints.trainer")}
            required={required("trainer")}
            pattern={{ value: /^\s*\S.*\S\s*$/s, message: required("trainer") }}
            max={200}
          />
          <TextField
            {...field}
            name="material"
            label={t("meetings.fields.material")}
            extra={t("meetings.hints.material")}
            max={2000}
            rows={2}
          />
          <NumberField
            {...field}
            name="pass_score"
            label={t("meetings.fields.pass_score")}
            extra={t("meetings.hints.pass_score")}
            min={0}
            max={100}
            precision={2}
            fallback={null}
            width={160}
          />
        </>
      )}
      <TextField {...field} name="minutes" label={t("meetings.fields.minutes")} max={20000} rows={6} />
    </ResourceFormPage>
  );
}
