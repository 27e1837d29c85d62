// Markdown -> sanitised HTML for rule bodies. Scripts, event handlers, styles, frames,
// forms, and javascript:/data:/vbscript: URLs never survive: marked renders, DOMPurify
// keeps only the tags and attributes listed here, and a hook drops any unsafe link and any
// image from another origin (a tracking pixel would tell a third party who read the rule).
import DOMPurify from "dompurify";
import { marked } from "marked";

const allowedTags = [
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "p",
  "br",
  "hr",
  "strong",
  "em",
  "del",
  "blockquote",
  "code",
  "pre",
  "ul",
  "ol",
  "li",
  "a",
  "table",
  "thead",
  "tbody",
  "tr",
  "th",
  "td",
  "img",
];
const allowedAttributes = ["href", "title", "alt", "src", "start", "align"];
const safeUrl = /^(https?:|mailto:|#|\/(?!\/))/i;

/** Whether an image URL loads from this page's own origin (relative paths do). */
export function sameOriginImage(src: string, pageUrl: string): boolean {
  try {
    const page = new URL(pageUrl);
    const url = new URL(src.trim(), page);
    return (url.protocol === "http:" || url.protocol === "https:") && url.origin === page.origin;
  } catch {
    return false;
  }
}
let hooked = false;
function installHooks(purify: typeof DOMPurify): void {
  if (hooked) return;
  hooked = true;
  purify.addHook("afterSanitizeAttributes", (node) => {
    for (const attribute of ["href", "src"]) {
      const value = node.getAttribute(attribute);
      if (value !== null && !safeUrl.test(value.trim())) node.removeAttribute(attribute);
    }
    if (node.tagName === "IMG") {
      const src = node.getAttribute("src");
      if (src !== null && !sameOriginImage(src, window.location.href)) node.removeAttribute("src");
      // An image the author gave no text is treated as decoration (screen readers skip it).
      if (!node.hasAttribute("alt")) node.setAttribute("alt", "");
    }
    if (node.tagName === "A" && node.getAttribute("href")) {
      node.setAttribute("rel", "noopener noreferrer nofollow");
      node.setAttribute("target", "_blank");
    }
  });
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function renderMarkdown(source: string): string {
  // Without a DOM DOMPurify can trust, show the source as plain text rather than risk HTML.
  if (!DOMPurify.isSupported) return `<pre>${escapeHtml(source ?? "")}</pre>`;
  const html = marked.parse(source ?? "", { async: false, gfm: true, breaks: false }) as string;
  installHooks(DOMPurify);
  return DOMPurify.sanitize(html, {
    ALLOWED_TAGS: allowedTags,
    ALLOWED_ATTR: allowedAttributes,
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    ADD_ATTR: ["target", "rel"],
  });
}
