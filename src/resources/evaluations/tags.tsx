// How an evaluation's band and status are shown: a coloured tag with the text (the colour
// repeats what the text says, never replaces it). Palette colours only: the theme darkens
// their text where the stock shade falls short of 4.5:1 on the tint (status colours it does not).
import { Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { Database } from "../../types/database";

type Enums = Database["public"]["Enums"];
const statusColor: Record<Enums["evaluation_status"], string> = {
  draft: "default",
  submitted: "blue",
  approved: "green",
  acknowledged: "cyan",
};
const outcomeColor: Record<Enums["band_outcome"], string> = {
  reward: "gold",
  none: "blue",
  improvement_plan: "red",
};

export function StatusTag({ status }: { status: Enums["evaluation_status"] }) {
  const { t } = useTranslation();
  return <Tag color={statusColor[status]}>{t(`evaluations.status.${status}`)}</Tag>;
}

export function BandTag({ outcome, label }: { outcome: Enums["band_outcome"] | null; label: string }) {
  return <Tag color={outcome ? outcomeColor[outcome] : undefined}>{label}</Tag>;
}
