// Script-injection vectors for rule bodies (Markdown with raw HTML). Each one, if it ran,
// would set window.__xss or open a dialog; the unit test checks the sanitiser's output and
// the browser test renders them all in a real Chromium and proves none ran.
export const xssVectors: string[] = [
  `<script>window.__xss = "script"</script>`,
  `<img src="x" onerror="window.__xss = 'img-onerror'">`,
  `<svg onload="window.__xss = 'svg-onload'"><circle r="1"/></svg>`,
  `<svg><script>window.__xss = "svg-script"</script></svg>`,
  `<body onload="window.__xss = 'body-onload'">`,
  `<iframe src="javascript:window.__xss = 'iframe'"></iframe>`,
  `<iframe srcdoc="<script>parent.__xss = 'srcdoc'</script>"></iframe>`,
  `<object data="data:text/html,<script>parent.__xss = 'object'</script>"></object>`,
  `<embed src="data:text/html,<script>parent.__xss = 'embed'</script>">`,
  `<details open ontoggle="window.__xss = 'details'"><summary>x</summary></details>`,
  `<input autofocus onfocus="window.__xss = 'autofocus'">`,
  `<div onmouseover="window.__xss = 'hover'" style="width:2000px;height:400px">hover me</div>`,
  `<a href="javascript:window.__xss = 'a-js'">raw javascript link</a>`,
  `<a href="JaVaScRiPt:window.__xss = 'a-case'">mixed case link</a>`,
  `<a href="&#106;avascript:window.__xss = 'a-entity'">entity link</a>`,
  `<a href=" javascript:window.__xss = 'a-space'">leading space link</a>`,
  `<a href="vbscript:msgbox(1)">vbscript link</a>`,
  `<a href="data:text/html,<script>alert(1)</script>">data link</a>`,
  `[markdown javascript link](javascript:window.__xss='md-js')`,
  `[markdown data link](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)`,
  `[markdown entity link](&#x6A;avascript:window.__xss='md-entity')`,
  `![markdown image](javascript:window.__xss='md-img')`,
  `![broken image" onerror="window.__xss='md-img-attr'](x)`,
  `<img src="data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg' onload='parent.__xss=1'/>">`,
  `<form action="javascript:window.__xss = 'form'"><button id="xss-submit">go</button></form>`,
  `<meta http-equiv="refresh" content="0;url=javascript:window.__xss = 'meta'">`,
  `<style>body { background: url("javascript:window.__xss = 'style'") }</style>`,
  `<noscript><p title="</noscript><img src=x onerror=window.__xss='noscript'>">`,
  `<a href="#" onclick="window.__xss = 'onclick'" id="xss-click">click me</a>`,
  `<p style="behavior:url(x.htc)" onpointerenter="window.__xss = 'pointer'">pointer</p>`,
  `<template><img src=x onerror="window.__xss = 'template'"></template>`,
  `<base href="javascript:window.__xss = 'base'//">`,
  `<link rel="import" href="data:text/html,<script>parent.__xss=1</script>">`,
  "`<script>window.__xss = 'code-span'</script>` is shown as code, not run",
  // Last: an unclosed <style> inside MathML swallows whatever follows it.
  `<math><mtext><table><mglyph><style><img src=x onerror="window.__xss = 'mxss'">`,
  // Remote images: tracking pixels that tell a third party who read the rule, and when.
  `![pixel](https://tracker.example/pixel.gif?reader=1)`,
  `<img src="https://tracker.example/p.gif" alt="pixel">`,
  `<img src="//tracker.example/p.gif">`,
];

/** One Markdown body holding every vector, each in its own paragraph. */
export const xssBody = `# Rule under attack\n\n${xssVectors.map((v, i) => `Vector ${i + 1}:\n\n${v}\n`).join("\n")}\n\nThe end.`;
