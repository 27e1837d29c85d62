// @vitest-environment jsdom
// (jsdom, the DOM DOMPurify supports outside browsers: happy-dom parses too loosely to judge it.)
// The rule-body sanitiser: whatever HTML or Markdown a body holds, the rendered output has no
// script, frame, form or style element, no event-handler attribute and no link or image whose
// URL could run code. The same corpus is rendered in a real browser by tests/e2e/rulebook.
import { render } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { xssBody, xssVectors } from "../../../tests/support/xss-corpus";
import { Markdown } from "./Markdown";
import { renderMarkdown } from "./markdown";

function parse(html: string): HTMLElement {
  const box = document.createElement("div");
  box.innerHTML = html;
  return box;
}

function dangers(root: Element): string[] {
  const found: string[] = [];
  for (const el of Array.from(root.querySelectorAll("*"))) {
    const tag = el.tagName.toLowerCase();
    if (
      [
        "script",
        "iframe",
        "object",
        "embed",
        "form",
        "input",
        "button",
        "style",
        "meta",
        "link",
        "base",
        "svg",
        "math",
        "template",
        "noscript",
        "body",
      ].includes(tag)
    )
      found.push(`<${tag}>`);
    for (const attr of Array.from(el.attributes)) {
      if (/^on/i.test(attr.name)) found.push(`${tag}[${attr.name}]`);
      if (attr.name === "style" || attr.name === "srcdoc") found.push(`${tag}[${attr.name}]`);
      if ((attr.name === "href" || attr.name === "src") && !/^(https?:|mailto:|#|\/(?!\/))/i.test(attr.value.trim()))
        found.push(`${tag}[${attr.name}=${attr.value}]`);
      if (
        tag === "img" &&
        attr.name === "src" &&
        new URL(attr.value, window.location.href).origin !== window.location.origin
      )
        found.push(`remote img[src=${attr.value}]`);
    }
  }
  return found;
}

describe("rule bodies are rendered sanitised", () => {
  it.each(xssVectors.map((v, i) => [i + 1, v] as const))("vector %i leaves nothing that can run code", (_, vector) => {
    expect(dangers(parse(renderMarkdown(vector)))).toEqual([]);
  });

  it("keeps ordinary Markdown: headings, lists, emphasis, tables and safe links", () => {
    const html = renderMarkdown(
      "## Scope\n\n- one\n- **two**\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n[policy](https://example.com/policy) and [top](#top)",
    );
    const box = parse(html);
    expect(box.querySelector("h2")?.textContent).toBe("Scope");
    expect(box.querySelectorAll("li")).toHaveLength(2);
    expect(box.querySelector("strong")?.textContent).toBe("two");
    expect(box.querySelector("table td")?.textContent).toBe("1");
    const link = box.querySelector('a[href="https://example.com/policy"]');
    expect(link?.getAttribute("rel")).toBe("noopener noreferrer nofollow");
    expect(box.querySelector('a[href="#top"]')).not.toBeNull();
  });

  it("keeps same-origin images and drops remote ones (tracking pixels)", () => {
    const box = parse(renderMarkdown("![chart](/charts/q1.png)\n\n![pixel](https://tracker.example/p.gif)"));
    const images = Array.from(box.querySelectorAll("img"));
    expect(images.map((i) => i.getAttribute("src"))).toEqual(["/charts/q1.png", null]);
    expect(images[1]!.getAttribute("alt")).toBe("pixel");
  });

  it("gives an image without text an empty alt (decoration, skipped by screen readers)", () => {
    const box = parse(renderMarkdown('<img src="/charts/q2.png">'));
    expect(box.querySelector("img")?.getAttribute("alt")).toBe("");
  });

  it("shows a script written as inline code as text", () => {
    const box = parse(renderMarkdown("`<script>x</script>`"));
    expect(box.querySelector("code")?.textContent).toBe("<script>x</script>");
    expect(box.querySelector("script")).toBeNull();
  });

  it("the Markdown component mounts the whole corpus with nothing dangerous in the document", () => {
    const { getByTestId } = render(<Markdown source={xssBody} testId="body" />);
    const body = getByTestId("body");
    expect(body.querySelector("h1")?.textContent).toBe("Rule under attack");
    expect(dangers(body)).toEqual([]);
    expect((window as unknown as { __xss?: unknown }).__xss).toBeUndefined();
  });
});
