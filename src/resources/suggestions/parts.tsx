// A suggestion's status tag and its author as the reader may see them: the name, or "hidden"
// when the author asked that only HR see it (HR reads the name on the suggestion's page).
import { EyeInvisibleOutlined } from "@ant-design/icons";
import { Tag } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { SuggestionRow, SuggestionStatus } from "./queries";

// Palette colours (the theme keeps their text at 4.5:1 on the tint).
const statusColor: Record<SuggestionStatus, string> = {
  received: "blue",
  under_review: "gold",
  adopted: "green",
  declined: "red",
};

export function StatusTag({ status }: { status: SuggestionStatus }) {
  const { t } = useTranslation();
  return <Tag color={statusColor[status]}>{t(`suggestions.status.${status}`)}</Tag>;
}

export function AuthorName({ row }: { row: Pick<SuggestionRow, "author" | "author_hidden"> }) {
  const { t } = useTranslation();
  if (row.author_hidden)
    return (
      <span>
        <EyeInvisibleOutlined aria-hidden /> {t("suggestions.hiddenAuthor")}
      </span>
    );
  return row.author ? <Link to={`/staff/show/${row.author.id}`}>{row.author.full_name}</Link> : <>—</>;
}
