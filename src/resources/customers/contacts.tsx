// A customer's contacts: who they are, how to reach them, and whether they decide (002 §3.2:
// negotiate only with decision makers). Added and edited in a dialog; removal asks first.
import { DeleteOutlined, EditOutlined, PlusOutlined } from "@ant-design/icons";
import { useCan, useCreate, useDelete, useList, useUpdate } from "@refinedev/core";
import { Button, Form, Modal, Popconfirm, Space, Table, Tag } from "antd";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { SwitchField, TextField } from "../../components/fields";
import type { Tables } from "../../types/database";
import { emailPattern } from "../../utils/validation";

type Contact = Tables<"customer_contacts">;
type ContactValues = Pick<Contact, "name" | "role_title" | "phone" | "email" | "decision_maker"> & { version?: number };
const blank: ContactValues = { name: "", role_title: "", phone: "", email: "", decision_maker: false };

export function CustomerContacts({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Contact | "new" | null>(null);
  const { data: canEdit } = useCan({ resource: "customers", action: "edit", params: { id: customerId } });
  const { result, query } = useList<Contact>({
    resource: "customer_contacts",
    filters: [{ field: "customer_id", operator: "eq", value: customerId }],
    sorters: [{ field: "name", order: "asc" }],
    pagination: { mode: "off" },
  });
  const { mutate: remove } = useDelete();
  return (
    <>
      {canEdit?.can && (
        <Button icon={<PlusOutlined />} onClick={() => setEditing("new")} style={{ marginBottom: 12 }}>
          {t("customer_contacts.add")}
        </Button>
      )}
      <Table<Contact>
        size="small"
        rowKey="id"
        loading={query.isLoading}
        dataSource={result?.data ?? []}
        pagination={false}
        locale={{ emptyText: t("customer_contacts.none") }}
        scroll={{ x: true }}
      >
        <Table.Column<Contact> dataIndex="name" title={t("customer_contacts.fields.name")} />
        <Table.Column<Contact> dataIndex="role_title" title={t("customer_contacts.fields.role_title")} />
        <Table.Column<Contact> dataIndex="phone" title={t("customer_contacts.fields.phone")} />
        <Table.Column<Contact> dataIndex="email" title={t("customer_contacts.fields.email")} />
        <Table.Column<Contact>
          dataIndex="decision_maker"
          title={t("customer_contacts.fields.decision_maker")}
          render={(d: boolean) => (d ? <Tag color="gold">{t("customer_contacts.decides")}</Tag> : "—")}
        />
        {canEdit?.can && (
          <Table.Column<Contact>
            key="actions"
            title={t("table.actions")}
            render={(_, c) => (
              <Space>
                <Button
                  size="small"
                  icon={<EditOutlined />}
                  aria-label={t("buttons.edit")}
                  onClick={() => setEditing(c)}
                />
                <Popconfirm
                  title={t("customer_contacts.removeConfirm", { name: c.name })}
                  okText={t("buttons.delete")}
                  cancelText={t("buttons.cancel")}
                  onConfirm={() => remove({ resource: "customer_contacts", id: c.id })}
                >
                  <Button size="small" danger icon={<DeleteOutlined />} aria-label={t("buttons.delete")} />
                </Popconfirm>
              </Space>
            )}
          />
        )}
      </Table>
      {editing && <ContactDialog customerId={customerId} contact={editing} onClose={() => setEditing(null)} />}
    </>
  );
}

function ContactDialog({
  customerId,
  contact,
  onClose,
}: {
  customerId: string;
  contact: Contact | "new";
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { control, handleSubmit } = useForm<ContactValues>({ defaultValues: contact === "new" ? blank : contact });
  const { mutate: create, mutation: creating } = useCreate();
  const { mutate: update, mutation: updating } = useUpdate();
  const save = handleSubmit((v) => {
    const values = {
      name: v.name.trim(),
      role_title: v.role_title.trim(),
      phone: v.phone.trim(),
      email: v.email.trim(),
      decision_maker: Boolean(v.decision_maker),
    };
    if (contact === "new")
      create({ resource: "customer_contacts", values: { ...values, customer_id: customerId } }, { onSuccess: onClose });
    else
      update(
        { resource: "customer_contacts", id: contact.id, values: { ...values, version: contact.version } },
        { onSuccess: onClose },
      );
  });
  const field = { control, idPrefix: "contact" } as const;
  return (
    <Modal
      open
      title={t(contact === "new" ? "customer_contacts.add" : "customer_contacts.edit")}
      okText={t("buttons.save")}
      cancelText={t("buttons.cancel")}
      onOk={() => void save()}
      confirmLoading={creating.isPending || updating.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form layout="vertical" component="form" noValidate onFinish={() => void save()}>
        <TextField
          {...field}
          name="name"
          label={t("customer_contacts.fields.name")}
          required={t("customer_contacts.errors.name")}
          max={120}
        />
        <TextField {...field} name="role_title" label={t("customer_contacts.fields.role_title")} max={120} />
        <TextField
          {...field}
          name="phone"
          label={t("customer_contacts.fields.phone")}
          max={40}
          pattern={{ value: /^[0-9+() .-]*$/, message: t("customer_contacts.errors.phone") }}
          type="tel"
        />
        <TextField
          {...field}
          name="email"
          label={t("customer_contacts.fields.email")}
          max={255}
          pattern={{ value: emailPattern, message: t("customer_contacts.errors.email") }}
          type="email"
        />
        <SwitchField {...field} name="decision_maker" label={t("customer_contacts.fields.decision_maker")} />
      </Form>
    </Modal>
  );
}
