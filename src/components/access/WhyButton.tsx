// A "Why?" link that opens the explanation for the signed-in person (used where something
// is refused, e.g. the not-allowed page).
import { QuestionCircleOutlined } from "@ant-design/icons";
import { useGetIdentity } from "@refinedev/core";
import { Button, Modal } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Identity } from "../../providers/authProvider";
import { ExplanationView } from "./Explanation";

interface Props {
  resource: string;
  action: string;
  record?: string;
  /** Shown as a link beside a disabled button rather than as a button of its own. */
  link?: boolean;
  testId?: string;
}

export function WhyButton({ resource, action, record, link = false, testId = "why-button" }: Props) {
  const { t } = useTranslation();
  const { data: me } = useGetIdentity<Identity>();
  const [open, setOpen] = useState(false);
  if (!me) return null;
  return (
    <>
      <Button
        type={link ? "link" : "default"}
        icon={<QuestionCircleOutlined />}
        onClick={() => setOpen(true)}
        data-testid={testId}
      >
        {t("why.button")}
      </Button>
      <Modal
        open={open}
        onCancel={() => setOpen(false)}
        footer={null}
        title={t("why.title")}
        width={600}
        destroyOnHidden
      >
        <ExplanationView userId={me.id} resource={resource} action={action} record={record} />
      </Modal>
    </>
  );
}
