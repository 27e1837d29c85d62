// Word-level diff of two versions, inline or side by side.
import { Col, Row, Segmented, Typography, theme } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { wordDiff, type DiffPart } from "../../utils/wordDiff";

function Parts({ parts, show }: { parts: DiffPart[]; show: (p: DiffPart) => boolean }) {
  const { token } = theme.useToken();
  return (
    <pre style={{ whiteSpace: "pre-wrap", fontFamily: "inherit", margin: 0, lineHeight: 1.6 }}>
      {parts.filter(show).map((p, i) =>
        p.kind === "added" ? (
          <ins
            key={i}
            data-diff="added"
            style={{
              background: token.colorSuccessBg,
              color: token.colorText,
              textDecoration: "underline",
              textDecorationColor: token.colorSuccess,
            }}
          >
            {p.text}
          </ins>
        ) : p.kind === "removed" ? (
          <del
            key={i}
            data-diff="removed"
            style={{ background: token.colorErrorBg, color: token.colorText, textDecorationColor: token.colorError }}
          >
            {p.text}
          </del>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </pre>
  );
}

export function DiffView({
  before,
  after,
  beforeLabel,
  afterLabel,
}: {
  before: string;
  after: string;
  beforeLabel: string;
  afterLabel: string;
}) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<"inline" | "side">("inline");
  const parts = useMemo(() => wordDiff(before, after), [before, after]);
  return (
    <div data-testid="rule-diff">
      <Segmented
        value={mode}
        onChange={(v) => setMode(v as "inline" | "side")}
        options={[
          { value: "inline", label: t("regulations.diff.inline") },
          { value: "side", label: t("regulations.diff.side") },
        ]}
        style={{ marginBottom: 12 }}
      />
      {mode === "inline" ? (
        <Parts parts={parts} show={() => true} />
      ) : (
        <Row gutter={16}>
          <Col span={12} role="group" aria-label={beforeLabel}>
            <Typography.Text strong>{beforeLabel}</Typography.Text>
            <Parts parts={parts} show={(p) => p.kind !== "added"} />
          </Col>
          <Col span={12} role="group" aria-label={afterLabel}>
            <Typography.Text strong>{afterLabel}</Typography.Text>
            <Parts parts={parts} show={(p) => p.kind !== "removed"} />
          </Col>
        </Row>
      )}
    </div>
  );
}
