// A customer: who and where, with tabs for contacts, visits, sales and history (where it has
// been, and every change from the audit trail).
import { useShow } from "@refinedev/core";
import { Badge, Descriptions, Tabs, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { Show } from "../../components/crud";
import { HistoryTab } from "../../components/HistoryTab";
import { PageTitle } from "../../components/PageTitle";
import { QueryError } from "../../components/QueryError";
import { RecordDeleteButton, RecordEditButton } from "../../components/access/RecordButtons";
import { useCustomFieldDefinitions } from "../../components/org/CustomFieldInputs";
import { displayCustomValue } from "../../components/org/customFields";
import { localizedLabel } from "../../providers/i18n";
import { formatDate } from "../../utils/format";
import { CustomerPayments, CustomerPlacements, CustomerSales, CustomerVisits } from "./activity";
import { CustomerContacts } from "./contacts";
import { customerListSelect, customerStatusColor, tierName, type CustomerListRow } from "./queries";

export default function CustomersShow() {
  const { t, i18n } = useTranslation();
  const { query } = useShow<CustomerListRow>({ resource: "customers", meta: { select: customerListSelect } });
  const customer = query.data?.data;
  const overdue = customer?.days_overdue ?? null;
  const { definitions } = useCustomFieldDefinitions("customers");
  const custom = (customer?.custom_fields ?? {}) as Record<string, unknown>;
  return (
    <Show
      title={<PageTitle>{customer ? `${customer.code} · ${customer.name}` : t("customers.titles.show")}</PageTitle>}
      isLoading={query.isLoading}
      headerButtons={() => (
        <>
          {customer && <RecordEditButton id={customer.id} />}
          {customer && <RecordDeleteButton id={customer.id} confirmTitle={t("customers.deleteConfirm")} />}
        </>
      )}
    >
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      {customer && (
        <>
          <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t("customers.fields.tier_id")}>
              <Tag>{tierName(customer.tier, i18n.language)}</Tag>{" "}
              {t("customers.since", { date: formatDate(customer.tier_since, i18n.language) })}
            </Descriptions.Item>
            <Descriptions.Item label={t("customers.fields.status")}>
              <Badge
                status={customerStatusColor[customer.status] as "default"}
                text={t(`customers.status.${customer.status}`)}
              />
            </Descriptions.Item>
            <Descriptions.Item label={t("customers.fields.territory_id")}>
              {customer.territory ? `${customer.territory.code} · ${customer.territory.name}` : "—"}
            </Descriptions.Item>
            <Descriptions.Item label={t("customers.fields.owner_id")}>
              {customer.owner?.full_name ?? "—"}
            </Descriptions.Item>
            <Descriptions.Item label={t("customers.fields.address")}>{customer.address || "—"}</Descriptions.Item>
            <Descriptions.Item label={t("customers.fields.days_overdue")}>
              {overdue === null ? (
                t("customers.noSchedule")
              ) : overdue > 0 ? (
                <Tag color="error">{t("customers.overdueDays", { count: overdue })}</Tag>
              ) : (
                t("customers.dueIn", { count: -overdue })
              )}
            </Descriptions.Item>
            {definitions.map((d) => (
              <Descriptions.Item key={d.id} label={localizedLabel(d, i18n.language)}>
                {displayCustomValue(d, custom[d.key], i18n.language, [
                  t("custom_field_definitions.yes"),
                  t("custom_field_definitions.no"),
                ])}
              </Descriptions.Item>
            ))}
          </Descriptions>
          <Tabs
            items={[
              {
                key: "contacts",
                label: t("customers.tabs.contacts"),
                children: <CustomerContacts customerId={customer.id} />,
              },
              {
                key: "visits",
                label: t("customers.tabs.visits"),
                children: <CustomerVisits customerId={customer.id} />,
              },
              { key: "sales", label: t("customers.tabs.sales"), children: <CustomerSales customerId={customer.id} /> },
              {
                key: "payments",
                label: t("customers.tabs.payments"),
                children: <CustomerPayments customerId={customer.id} />,
              },
              {
                key: "history",
                label: t("customers.tabs.history"),
                children: (
                  <>
                    <CustomerPlacements customerId={customer.id} />
                    <div style={{ marginTop: 16 }}>
                      <HistoryTab table="customers" recordId={customer.id} />
                    </div>
                  </>
                ),
              },
            ]}
          />
        </>
      )}
    </Show>
  );
}
