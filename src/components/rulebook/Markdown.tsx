import { theme } from "antd";
import { useMemo } from "react";
import { renderMarkdown } from "./markdown";

/** A rule body: Markdown rendered through the sanitiser (see markdown.ts). */
export function Markdown({ source, testId }: { source: string; testId?: string }) {
  const { token } = theme.useToken();
  const html = useMemo(() => renderMarkdown(source), [source]);
  return (
    <div
      className="rule-body"
      data-testid={testId}
      style={{ lineHeight: 1.65, color: token.colorText, maxWidth: 820 }}
      // The HTML comes from renderMarkdown(), which sanitises it.
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
