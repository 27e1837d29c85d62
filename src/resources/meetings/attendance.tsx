// A meeting's attendance sheet, usable on a phone: invite a territory subtree or hand-picked
// people, take one mark per person (minutes when late or leaving early, a reason when
// excused), mark everyone still unmarked present at once, and turn a late, left-early or
// absent mark into a draft violation. A person sees their own mark only.
import { useCan, useInvalidate, useList, useNotification } from "@refinedev/core";
import { useMutation } from "@tanstack/react-query";
import { DeleteOutlined } from "@ant-design/icons";
import {
  Button,
  Card,
  Empty,
  Input,
  InputNumber,
  List,
  Popconfirm,
  Radio,
  Select,
  Space,
  Spin,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { Controller, useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { QueryError } from "../../components/QueryError";
import { TerritoryTreeSelect } from "../../components/org/TerritoryTreeSelect";
import { usePeople } from "../customers/hooks";
import {
  attendanceMarks,
  attendedMarks,
  attendanceSelect,
  breachMarks,
  invite,
  markProblem,
  markRestPresent,
  takeMark,
  toViolation,
  uninvite,
  type AttendanceRow,
  type MarkValues,
} from "./queries";

// Palette colours (the theme keeps their text at 4.5:1 on the tint).
const markColor = { present: "green", late: "orange", left_early: "orange", absent: "red", excused: "blue" } as const;

export function AttendanceSheet({ meetingId, training = false }: { meetingId: string; training?: boolean }) {
  const { t } = useTranslation();
  const { open } = useNotification();
  const invalidate = useInvalidate();
  const { data: canTake } = useCan({ resource: "meetings", action: "update" });
  const { data: canRecord } = useCan({ resource: "violations", action: "create" });
  const { result, query } = useList<AttendanceRow>({
    resource: "meeting_attendance",
    pagination: { mode: "off" },
    filters: [{ field: "meeting_id", operator: "eq", value: meetingId }],
    meta: { select: attendanceSelect },
  });
  const rows = [...(result?.data ?? [])].sort((a, b) =>
    (a.person?.full_name ?? "").localeCompare(b.person?.full_name ?? ""),
  );
  const refresh = () => void invalidate({ resource: "meeting_attendance", invalidates: ["list"] });
  const failed = (e: Error) => open?.({ type: "error", message: t("meetings.failed"), description: e.message });
  const rest = useMutation({
    mutationFn: () => markRestPresent(meetingId),
    onSuccess: () => {
      open?.({ type: "success", message: t("meetings.restMarked") });
      refresh();
    },
    onError: failed,
  });
  const unmarked = rows.filter((r) => r.mark === null).length;
  const marked = rows.length - unmarked;
  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      {canTake?.can && <InviteBar meetingId={meetingId} onInvited={refresh} />}
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      <Space wrap>
        <Typography.Text>{t("meetings.sheetCount", { marked, total: rows.length })}</Typography.Text>
        {canTake?.can && unmarked > 0 && (
          <Popconfirm
            title={t("meetings.restQuestion", { count: unmarked })}
            okText={t("meetings.markRest")}
            cancelText={t("buttons.cancel")}
            onConfirm={() => rest.mutate()}
          >
            <Button loading={rest.isPending}>{t("meetings.markRest")}</Button>
          </Popconfirm>
        )}
      </Space>
      {query.isLoading ? (
        <Spin />
      ) : rows.length === 0 ? (
        <Empty description={t("meetings.noInvitees")} />
      ) : (
        <List
          dataSource={rows}
          rowKey="id"
          aria-label={t("meetings.sheet")}
          renderItem={(row) => (
            <List.Item>
              <Invitee
                row={row}
                training={training}
                canTake={Boolean(canTake?.can)}
                canRecord={Boolean(canRecord?.can)}
                onChanged={refresh}
                onFailed={failed}
              />
            </List.Item>
          )}
        />
      )}
    </Space>
  );
}

function InviteBar({ meetingId, onInvited }: { meetingId: string; onInvited: () => void }) {
  const { t } = useTranslation();
  const { open } = useNotification();
  const { options: people } = usePeople();
  const [territory, setTerritory] = useState<string | null>(null);
  const [picked, setPicked] = useState<string[]>([]);
  const send = useMutation({
    mutationFn: () => invite(meetingId, territory, picked),
    onSuccess: (count) => {
      open?.({ type: "success", message: t("meetings.invited", { count }) });
      setTerritory(null);
      setPicked([]);
      onInvited();
    },
    onError: (e: Error) => open?.({ type: "error", message: t("meetings.failed"), description: e.message }),
  });
  return (
    <Card
      size="small"
      title={
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          {t("meetings.invite")}
        </Typography.Title>
      }
    >
      <Space wrap>
        <TerritoryTreeSelect
          aria-label={t("meetings.inviteTerritory")}
          placeholder={t("meetings.inviteTerritory")}
          value={territory}
          onChange={setTerritory}
        />
        <Select
          mode="multiple"
          aria-label={t("meetings.invitePeople")}
          placeholder={t("meetings.invitePeople")}
          options={people}
          value={picked}
          onChange={setPicked}
          optionFilterProp="label"
          style={{ minWidth: 240 }}
        />
        <Button
          type="primary"
          disabled={!territory && picked.length === 0}
          loading={send.isPending}
          onClick={() => send.mutate()}
        >
          {t("meetings.inviteButton")}
        </Button>
      </Space>
    </Card>
  );
}

function Invitee({
  row,
  training,
  canTake,
  canRecord,
  onChanged,
  onFailed,
}: {
  row: AttendanceRow;
  training: boolean;
  canTake: boolean;
  canRecord: boolean;
  onChanged: () => void;
  onFailed: (e: Error) => void;
}) {
  const { t } = useTranslation();
  const { open } = useNotification();
  const name = row.person?.full_name ?? "—";
  const violation = row.violations.find((v) => v.status !== "dismissed") ?? row.violations[0];
  const record = useMutation({
    mutationFn: () => toViolation(row),
    onSuccess: () => {
      open?.({ type: "success", message: t("meetings.violationRecorded", { name }) });
      onChanged();
    },
    onError: onFailed,
  });
  const remove = useMutation({ mutationFn: () => uninvite(row), onSuccess: onChanged, onError: onFailed });
  const violationsLink = `/violations?filters[0][field]=staff_id&filters[0][operator]=eq&filters[0][value]=${row.staff_id}`;
  return (
    <Space direction="vertical" style={{ width: "100%" }}>
      <Space wrap>
        <Typography.Text strong>{name}</Typography.Text>
        {row.mark ? (
          <Tag color={markColor[row.mark]}>
            {t(`meetings.mark.${row.mark}`)}
            {row.minutes_late ? ` · ${t("meetings.minutes", { count: row.minutes_late })}` : ""}
            {row.minutes_early ? ` · ${t("meetings.minutes", { count: row.minutes_early })}` : ""}
          </Tag>
        ) : (
          <Tag>{t("meetings.unmarked")}</Tag>
        )}
        {row.excuse && <Typography.Text type="secondary">{row.excuse}</Typography.Text>}
        {row.assessment_score !== null && (
          <Tag color="purple">{t("meetings.scoreIs", { score: row.assessment_score })}</Tag>
        )}
        {violation && (
          <Link to={violationsLink}>
            {t("meetings.violationIs", { status: t(`violations.status.${violation.status}`) })}
          </Link>
        )}
        {!violation && canRecord && row.mark && breachMarks.includes(row.mark) && (
          <Button
            size="small"
            danger
            loading={record.isPending}
            onClick={() => record.mutate()}
            aria-label={t("meetings.toViolationFor", { name })}
          >
            {t("meetings.toViolation")}
          </Button>
        )}
        {canTake && !row.mark && (
          <Popconfirm
            title={t("meetings.uninviteQuestion", { name })}
            okText={t("meetings.uninvite")}
            cancelText={t("buttons.cancel")}
            onConfirm={() => remove.mutate()}
          >
            <Button size="small" icon={<DeleteOutlined />} aria-label={t("meetings.uninviteOne", { name })} />
          </Popconfirm>
        )}
      </Space>
      {canTake && !(violation && violation.status !== "dismissed") && (
        <MarkForm row={row} name={name} training={training} onSaved={onChanged} onFailed={onFailed} />
      )}
    </Space>
  );
}

/** One person's mark: the choice, then minutes or a reason when the mark needs them. */
function MarkForm({
  row,
  name,
  training,
  onSaved,
  onFailed,
}: {
  row: AttendanceRow;
  name: string;
  training: boolean;
  onSaved: () => void;
  onFailed: (e: Error) => void;
}) {
  const { t } = useTranslation();
  const stored: MarkValues = {
    mark: row.mark ?? "present",
    minutes: row.minutes_late ?? row.minutes_early ?? null,
    excuse: row.excuse,
    score: row.assessment_score,
  };
  const { control, handleSubmit, watch, formState } = useForm<MarkValues>({ values: stored });
  const [problem, setProblem] = useState<"minutes" | "excuse" | "score" | null>(null);
  const save = useMutation({ mutationFn: (v: MarkValues) => takeMark(row, v), onSuccess: onSaved, onError: onFailed });
  const mark = watch("mark");
  const submit = handleSubmit((v) => {
    const wrong = markProblem(v);
    setProblem(wrong);
    if (!wrong) save.mutate(v);
  });
  const errorId = `mark-error-${row.id}`;
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Space wrap align="start">
        <Controller
          control={control}
          name="mark"
          render={({ field }) => (
            // antd's group is a plain div: the group role and its name are given around it.
            <div role="radiogroup" aria-label={t("meetings.markFor", { name })}>
              <Radio.Group
                optionType="button"
                name={`mark-${row.id}`}
                value={field.value}
                onChange={(e) => {
                  field.onChange(e.target.value);
                  setProblem(null);
                }}
                options={attendanceMarks.map((m) => ({ value: m, label: t(`meetings.mark.${m}`) }))}
              />
            </div>
          )}
        />
        {(mark === "late" || mark === "left_early") && (
          <Controller
            control={control}
            name="minutes"
            render={({ field }) => (
              <InputNumber
                aria-label={t(mark === "late" ? "meetings.minutesLateFor" : "meetings.minutesEarlyFor", { name })}
                aria-invalid={problem === "minutes"}
                aria-describedby={problem ? errorId : undefined}
                min={1}
                max={720}
                precision={0}
                value={field.value}
                onChange={(v) => field.onChange(v ?? null)}
                addonAfter={t("meetings.min")}
                style={{ width: 150 }}
              />
            )}
          />
        )}
        {mark === "excused" && (
          <Controller
            control={control}
            name="excuse"
            render={({ field }) => (
              <Input
                aria-label={t("meetings.excuseFor", { name })}
                aria-invalid={problem === "excuse"}
                aria-describedby={problem ? errorId : undefined}
                maxLength={1000}
                value={field.value}
                onChange={field.onChange}
                style={{ width: 260 }}
              />
            )}
          />
        )}
        {training && attendedMarks.includes(mark) && (
          <Controller
            control={control}
            name="score"
            render={({ field }) => (
              <InputNumber
                aria-label={t("meetings.scoreFor", { name })}
                aria-invalid={problem === "score"}
                aria-describedby={problem ? errorId : undefined}
                min={0}
                max={100}
                precision={2}
                value={field.value}
                onChange={(v) => field.onChange(v ?? null)}
                placeholder={t("meetings.score")}
                style={{ width: 150 }}
              />
            )}
          />
        )}
        <Button
          htmlType="submit"
          loading={save.isPending}
          disabled={!formState.isDirty && row.mark !== null}
          aria-label={t("meetings.saveMarkFor", { name })}
        >
          {t("meetings.saveMark")}
        </Button>
      </Space>
      {problem && (
        <Typography.Text type="danger" id={errorId} role="alert" style={{ display: "block" }}>
          {t(`meetings.errors.${problem}`)}
        </Typography.Text>
      )}
    </form>
  );
}
