// Writes `count` synthetic notice files that pass src/collections/notice-schema.ts:
// count/2 notices, each in Chinese (zh-CN/) and English (en/), so the portal builds
// about `count` notice pages and the minimal Astro project exactly `count`.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import agencies from "../../content/taxonomy/agencies.json" with { type: "json" };
import topics from "../../content/taxonomy/topics.json" with { type: "json" };

const AGENCIES = Object.keys(agencies);
const TOPICS = Object.keys(topics);
// A real credit code from the content: the schema checks its shape, not its owner.
const CREDIT_CODE = "11513226MB1520062W";

const BODY = {
  "zh-CN": (n) => `为做好第 ${n} 号事项，现将有关事项通知如下。

## 一、适用范围

本通知适用于全县各乡镇、各部门。**梨园管护**、**农产品销售**和**乡村旅游接待**按本通知执行。

## 二、办理流程

1. 向所在乡镇便民服务中心提出申请；
2. 乡镇在 5 个工作日内完成初审；
3. 县级主管部门在 10 个工作日内答复。

## 三、联系方式

如有疑问，请在工作日拨打县政务服务热线咨询。

| 事项 | 时限 |
| --- | --- |
| 初审 | 5 个工作日 |
| 答复 | 10 个工作日 |
`,
  en: (n) => `This notice sets out arrangements for matter number ${n}.

## Who it applies to

Every township and department of the county. **Orchard care**, **produce sales** and
**village tourism** follow this notice.

## How to apply

1. Apply at your township's service centre;
2. The township checks the application within 5 working days;
3. The county department answers within 10 working days.

## Contact

Call the county service line on working days with any question.

| step | time |
| --- | --- |
| first check | 5 working days |
| answer | 10 working days |
`,
};

const TITLE = { "zh-CN": (n) => `关于做好第 ${n} 号事项的通知`, en: (n) => `Arrangements for matter ${n}` };
const SUMMARY = {
  "zh-CN": (n) => `第 ${n} 号事项的适用范围、办理流程和联系方式。`,
  en: (n) => `Who matter ${n} applies to, how to apply and whom to call.`,
};

/** Returns the number of files written under `dir` (zh-CN/ and en/ are created). */
export function writeSyntheticNotices(dir, count) {
  const notices = Math.ceil(count / 2);
  let written = 0;
  for (const locale of ["zh-CN", "en"]) mkdirSync(join(dir, locale), { recursive: true });
  for (let i = 0; i < notices; i++) {
    const year = 2015 + (i % 11);
    const month = String(1 + (i % 12)).padStart(2, "0");
    const day = String(1 + (i % 28)).padStart(2, "0");
    const date = `${year}-${month}-${day}`;
    const slug = `bench-notice-${String(i).padStart(5, "0")}`;
    for (const locale of ["zh-CN", "en"]) {
      if (written === count) break;
      const frontmatter = [
        "---",
        `title: ${TITLE[locale](i)}`,
        `summary: ${SUMMARY[locale](i)}`,
        `language: ${locale}`,
        `indexNumber: ${CREDIT_CODE}/${year}-${String(i % 100_000).padStart(5, "0")}`,
        `agency: ${AGENCIES[i % AGENCIES.length]}`,
        `topic: ${TOPICS[i % TOPICS.length]}`,
        `written: ${date}`,
        `published: ${date}`,
        "validity:",
        "  status: in-force",
        `  effective: ${date}`,
        "---",
      ].join("\n");
      writeFileSync(join(dir, locale, `${slug}.md`), `${frontmatter}\n${BODY[locale](i)}`);
      written++;
    }
  }
  return written;
}
