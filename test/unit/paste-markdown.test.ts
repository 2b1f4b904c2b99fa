import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { htmlToMarkdown } from "../../src/scripts/paste-markdown";

/** Clipboard HTML as Chrome hands it over when a notice is copied out of Word or WPS. */
const FIXTURES = ["word-notice", "wps-notice", "word-english"] as const;
const fixture = (name: (typeof FIXTURES)[number]) =>
  readFileSync(new URL(`../fixtures/paste/${name}.html`, import.meta.url), "utf8");
const paste = (name: (typeof FIXTURES)[number]) => htmlToMarkdown(fixture(name));

describe("pasting a document from Word or WPS", () => {
  it("keeps a Chinese Word notice's headings, lists, table, bold and links", () => {
    expect(paste("word-notice")).toMatchInlineSnapshot(`
      "## 关于2027年春季森林防火的通知

      各乡镇、县级各部门：

      为切实做好**2027年**春季森林防火工作，现将有关事项通知如下。详见[县林业局网站](https://www.example.gov.cn/forest/2027.html)，或点此下载附件。

      ### 一、重点时段

      - 清明节前后
        - 祭祀用火
      - 春耕烧荒期间

      ### 二、工作要求

      1. **加强巡查**：每日巡山不少于两次。
      2. 严禁野外用火，违者依法处理。

      | 乡镇 | 值班电话 |
      | --- | --- |
      | 城关镇 （含开发区） | [0837-2322000](tel:0837-2322000) |

      县森林防火指挥部办公室\\
      2027年3月1日"
    `);
  });

  it("keeps a WPS notice's structure, and its numbering that Markdown cannot write as typed text", () => {
    expect(paste("wps-notice")).toMatchInlineSnapshot(`
      "## 城乡居民医疗保险缴费公告

      2028年度城乡居民医疗保险集中缴费期为**9月1日至12月31日**，请参保群众按时缴费。

      #### 缴费标准

      | 个人缴费（元/年） | |
      | --- | --- |
      | 一般居民 | 400 |
      | 低保对象\\|特困人员 | 财政全额资助 |

      #### 缴费方式

      1. 登录[电子税务局](https://etax.example.gov.cn/)缴费；
      2. 到村（社区）便民服务站缴费；
      3. 在微信小程序缴费。

      （一）咨询电话见[联系我们](/contact/)，邮件请寄[ybj@example.gov.cn](mailto:ybj@example.gov.cn)。

      　　（此页无正文）"
    `);
  });

  it("keeps an English Word document's title, numbered heading and nested list, and escapes what looks like Markdown", () => {
    expect(paste("word-english")).toMatchInlineSnapshot(`
      "## Visitor Centre Reopens

      1 Opening hours

      ## 1 Opening hours

      **Note:** the centre is *closed* on the first Monday of each month, when 5 \\< 6 staff are on duty. Type \\<b> to search for bold\\_text and \\*stars\\*.

      1. Book online at [visit.example.gov.cn](https://visit.example.gov.cn/book)
         - groups of ten or more
           - school classes
      2. Bring your confirmation

      a. on paper, or

      3. Call [+86 837 2322000](tel:+86-837-2322000) or write to [visit@example.gov.cn](mailto:visit@example.gov.cn).

      See the map, the old form and the mirror."
    `);
  });

  it.each(FIXTURES)("leaves nothing of %s but text and Markdown", (name) => {
    const markdown = paste(name);
    expect(markdown).not.toMatch(/(?<!\\)<[a-z!/?]/i);
    expect(markdown).not.toMatch(/javascript:|vbscript:|weixin:|data:|file:|evil\.example|alert|document\.title/i);
    expect(markdown).not.toMatch(/mso|font|宋体|黑体|Wingdings|Calibri|style|class=/i);
    // Comment anchors and texts, hidden text.
    expect(markdown).not.toMatch(/\[ZW1\]|附件链接请换成正式地址|内部备注|\. \. \./);
    expect(markdown).not.toMatch(/\u00a0|[ \t]$|\n\n\n/m);
  });

  it.each(FIXTURES)("reads %s with Windows line endings, as the clipboard holds it, the same", (name) => {
    expect(htmlToMarkdown(fixture(name).replace(/\n/g, "\r\n"))).toBe(paste(name));
  });
});

describe("links", () => {
  it("keep web, mail, phone and this site's addresses; any other link becomes its text", () => {
    const html = [
      '<a href="https://a.example.cn/x?y=1">https</a>',
      '<a href="http://a.example.cn/(1)">http</a>',
      '<a href="mailto:office@example.gov.cn">mail</a>',
      '<a href="tel:0837-2322000">phone</a>',
      '<a href="/notices/">site</a>',
      '<a href="#_Toc1">anchor</a>',
      '<a href="JaVaScRiPt:alert(1)">script</a>',
      '<a href="java&#9;script:alert(1)">tab</a>',
      '<a href="data:text/html;base64,PHNjcmlwdD4=">data</a>',
      '<a href="//evil.example/x">protocol-relative</a>',
      '<a href="report.docx">relative</a>',
      '<a href="https://a.example.cn/"><img src="x.png"></a>',
    ].join(" ");
    expect(htmlToMarkdown(`<p>${html}</p>`)).toBe(
      "[https](https://a.example.cn/x?y=1) [http](http://a.example.cn/\\(1\\)) [mail](mailto:office@example.gov.cn) " +
        "[phone](tel:0837-2322000) [site](/notices/) anchor script tab data protocol-relative relative",
    );
  });
});

describe("headings", () => {
  it("move one level down under the page's own title, never below ######", () => {
    const html = "<h1>一</h1><h2>二</h2><h3>三</h3><h4>四</h4><h5>五</h5><h6>六</h6>";
    expect(htmlToMarkdown(html)).toBe("## 一\n\n### 二\n\n#### 三\n\n##### 四\n\n###### 五\n\n###### 六");
  });
});

describe("tables", () => {
  it("use header cells when there are some", () => {
    const html =
      "<table><thead><tr><th>营地</th><th>床位</th></tr></thead><tbody><tr><td>河谷</td><td>12</td></tr></tbody></table>";
    expect(htmlToMarkdown(html)).toBe("| 营地 | 床位 |\n| --- | --- |\n| 河谷 | 12 |");
  });

  it("stay Markdown when a cell holds a list, which the plugin alone would keep as HTML", () => {
    const html =
      "<table><tr><td>Item</td><td>Notes</td></tr><tr><td>Tent</td><td><ul><li>poles</li><li>pegs</li></ul></td></tr></table>";
    expect(htmlToMarkdown(html)).toBe("| Item | Notes |\n| --- | --- |\n| Tent | - poles - pegs |");
  });

  it("of one cell, Word's box around text, become the text", () => {
    expect(htmlToMarkdown("<table><tr><td><p><b>注意</b>：带好证件</p></td></tr></table>")).toBe("**注意**：带好证件");
  });

  it("keep a caption as text", () => {
    const html =
      "<table><caption>&lt;b&gt;Fees</caption><tr><td>a</td><td>b</td></tr><tr><td>1</td><td>2</td></tr></table>";
    expect(htmlToMarkdown(html)).toBe("\\<b>Fees\n\n| a | b |\n| --- | --- |\n| 1 | 2 |");
  });
});

describe("lists and text from web pages and Google Docs", () => {
  it("write real lists as the notices do, with their start number", () => {
    const html = '<ol start="3"><li>three</li><li>four<ul><li>sub</li></ul></li></ol><ul><li>a</li><li>b</li></ul>';
    expect(htmlToMarkdown(html)).toBe("3. three\n4. four\n   - sub\n\n- a\n- b");
  });

  it("keep the bold runs of a Google Docs copy and nothing of its wrapper", () => {
    const html =
      '<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1"><p dir="ltr"><span style="font-weight:700">开放时间</span><span style="font-weight:400">：每日&nbsp;&nbsp;9:00</span></p></b>';
    expect(htmlToMarkdown(html)).toBe("**开放时间**：每日 9:00");
  });

  it("give nothing for a copied image, so the browser's own paste goes ahead", () => {
    expect(htmlToMarkdown('<img src="data:image/png;base64,iVBORw0KGgo=" alt="地图">')).toBe("");
    expect(htmlToMarkdown("<p><o:p>&nbsp;</o:p></p>")).toBe("");
  });
});
