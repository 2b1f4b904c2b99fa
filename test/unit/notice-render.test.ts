import { describe, expect, it } from "vitest";
import { renderNoticeBody } from "../../functions/publishing/render";

/** Staff's Markdown, whatever was pasted into it, renders without raw HTML or unsafe links. */
describe("the notice body renderer", () => {
  it("keeps headings, lists, tables, bold and safe links", () => {
    const html = renderNoticeBody(
      "## 申领条件\n\n- **本县户籍**\n\n| 作物 | 标准 |\n|---|---|\n| 梨树 | 每亩 100 元 |\n\n[政策原文](https://www.sc.gov.cn/) [电话](tel:0837-2322000) [本站](/notices/)",
    );
    expect(html).toContain("<h2>申领条件</h2>");
    expect(html).toContain("<li><strong>本县户籍</strong></li>");
    expect(html).toContain("<td>每亩 100 元</td>");
    expect(html).toContain('<a href="https://www.sc.gov.cn/" rel="noopener noreferrer nofollow">政策原文</a>');
    expect(html).toContain('<a href="tel:0837-2322000">电话</a>');
    expect(html).toContain('<a href="/notices/">本站</a>');
  });

  it("never makes a second page title", () => {
    expect(renderNoticeBody("# 标题")).toBe("<h2>标题</h2>\n");
  });

  it("shows raw HTML as text and drops unsafe links and pictures", () => {
    const html = renderNoticeBody(
      "<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[点这里](javascript:alert(1)) [x](data:text/html,hi) [y](//evil.example/) ![图](https://tracker.example/p.gif)",
    );
    expect(html).not.toMatch(/<script|<img|<a |<[^>]*onerror/i);
    expect(html).toContain("&lt;script&gt;");
    expect(html).toContain("图");
  });
});
