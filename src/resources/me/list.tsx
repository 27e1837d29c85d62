// "My profile": the signed-in person's own row, read and updated through RLS.
import { useCan, useGetIdentity } from "@refinedev/core";
import { useForm } from "@refinedev/react-hook-form";
import { Alert, Button, Card, Descriptions, Form, Skeleton, Space, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Identity } from "../../providers/authProvider";
import { changeLocale, isLocale, localizedLabel } from "../../providers/i18n";
import { useMyStaff } from "../customers/hooks";
import { ProfileFields } from "../profiles/fields";
import { profileSelect, type ProfileFormValues, type ProfileRow } from "./queries";
import { previewSession } from "../../providers/supabaseClient";

function ProfileEditor({ identity }: { identity: Identity }) {
  const { t, i18n } = useTranslation();
  // The signed-in person's own staff record: their file (position, targets, training, plans...).
  const { staff: myStaff } = useMyStaff();
  const { data: canEdit } = useCan({ resource: "profiles", action: "edit", params: { id: identity.id } });
  const {
    control,
    register,
    handleSubmit,
    formState: { errors, isDirty },
    refineCore: { query, onFinish, formLoading },
  } = useForm<ProfileRow, { message: string; statusCode: number }, ProfileFormValues>({
    refineCoreProps: {
      resource: "profiles",
      action: "edit",
      id: identity.id,
      redirect: false,
      meta: { select: profileSelect },
      successNotification: () => ({ message: t("me.saved"), type: "success" }),
      onMutationSuccess: (data) => {
        const locale = (data.data as ProfileRow).preferred_locale;
        if (isLocale(locale) && locale !== i18n.language) void changeLocale(locale);
      },
    },
    warnWhenUnsavedChanges: true,
  });
  const record = query?.data?.data;
  if (query?.isLoading) return <Skeleton active />;
  if (query?.isError) {
    return (
      <Alert
        type="error"
        showIcon
        role="alert"
        message={t("errors.loadFailed")}
        description={query.error?.message}
        action={<Button onClick={() => void query.refetch()}>{t("buttons.retry")}</Button>}
      />
    );
  }
  if (!record) return null;
  return (
    <Space direction="vertical" size="large" style={{ width: "100%" }}>
      <Descriptions bordered column={1} size="middle" data-testid="profile-details">
        <Descriptions.Item label={t("me.fields.email")}>{record.email}</Descriptions.Item>
        <Descriptions.Item label={t("me.fields.roles")}>
          {identity.roles.length === 0
            ? t("header.noRole")
            : identity.roles.map((r) => <Tag key={r.code}>{localizedLabel(r, i18n.language)}</Tag>)}
        </Descriptions.Item>
        <Descriptions.Item label={t("me.fields.is_active")}>
          {record.is_active ? t("me.status.active") : t("me.status.inactive")}
        </Descriptions.Item>
        <Descriptions.Item label={t("me.fields.updated_at")}>
          {new Date(record.updated_at).toLocaleString(i18n.language)}
        </Descriptions.Item>
        {myStaff && (
          <Descriptions.Item label={t("me.fields.file")}>
            <Link to={`/staff/show/${myStaff.id}`}>{t("me.openFile")}</Link>
          </Descriptions.Item>
        )}
      </Descriptions>
      {canEdit?.can ? (
        <Form
          layout="vertical"
          component="form"
          noValidate
          onFinish={() => void handleSubmit((values) => onFinish(values))()}
        >
          {/* The version read with the record: a save over someone else's newer save is refused. */}
          <input type="hidden" {...register("version", { valueAsNumber: true })} />
          <ProfileFields control={control} errors={errors} />
          <Space>
            <Button
              type="primary"
              htmlType="submit"
              loading={formLoading}
              disabled={!isDirty}
              data-testid="profile-save"
            >
              {t("buttons.save")}
            </Button>
            <Link to="/update-password">{t("me.changePassword")}</Link>
          </Space>
        </Form>
      ) : (
        <Space direction="vertical">
          <Typography.Text type="secondary" data-testid="profile-read-only">
            {t("me.readOnly")}
          </Typography.Text>
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t("me.fields.full_name")}>{record.full_name}</Descriptions.Item>
          </Descriptions>
          {!previewSession && <Link to="/update-password">{t("me.changePassword")}</Link>}
        </Space>
      )}
    </Space>
  );
}

export default function MeList() {
  const { t } = useTranslation();
  const { data: identity, isLoading } = useGetIdentity<Identity>();
  return (
    <Card title={<h1 style={{ fontSize: 20, margin: 0 }}>{t("me.titles.show")}</h1>} data-testid="my-profile">
      {isLoading || !identity ? <Skeleton active /> : <ProfileEditor identity={identity} />}
    </Card>
  );
}
