import { describe, expect, it } from "vitest";
import { markdownText, renderMarkdown, safeHref } from "../../src/lib/markdown";

describe("renderMarkdown", () => {
  it("renders the supported subset", () => {
    expect(renderMarkdown("Sweet **pears** and *syrup*.\n\n- one\n- two\n\n1. first\n2. second")).toBe(
      "<p>Sweet <strong>pears</strong> and <em>syrup</em>.</p>\n<ul><li>one</li><li>two</li></ul>\n<ol><li>first</li><li>second</li></ol>",
    );
    expect(renderMarkdown("[Site](https://example.cn/a?b=1&c=2)")).toBe(
      '<p><a href="https://example.cn/a?b=1&amp;c=2" rel="noopener noreferrer nofollow">Site</a></p>',
    );
    expect(renderMarkdown("# Title")).toBe("<p><strong>Title</strong></p>");
  });

  const PAYLOADS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "<svg onload=alert(1)>",
    '<a href="javascript:alert(1)">x</a>',
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[click](//evil.example/x)",
    "[click](vbscript:msgbox(1))",
    '[x](https://ok.cn/"onmouseover="alert(1))',
    "**<iframe src=https://evil.example>**",
    "`</code><script>alert(1)</script>`",
    "<<script>script>alert(1)<</script>/script>",
    '"><body onload=alert(1)>',
    "<math><mi xlink:href=javascript:alert(1)>x</mi></math>",
  ];

  it.each(PAYLOADS)("keeps %s as harmless text", (payload) => {
    const html = renderMarkdown(payload);
    expect(html).not.toMatch(/<(?!\/?(p|ul|ol|li|strong|em|code|br|a)\b)[a-z]/i);
    expect(html).not.toMatch(/<[^>]+\son\w+\s*=/i);
    expect(html).not.toMatch(/href="(?!https?:|mailto:|tel:|\/[^/]|#)/i);
  });

  it("refuses links that are not web, mail, phone or this site", () => {
    expect(safeHref("javascript:alert(1)")).toBeNull();
    expect(safeHref("java\tscript:alert(1)")).toBeNull();
    expect(safeHref("//evil.example")).toBeNull();
    expect(safeHref("/products/")).toBe("/products/");
    expect(safeHref("tel:0837-2322000")).toBe("tel:0837-2322000");
  });

  it("gives plain text for summaries", () => {
    expect(markdownText("**Sweet** pears\n\n- picked by [hand](https://a.cn)", 100)).toBe("Sweet pears picked by hand");
  });
});
