import agencies from "../../content/taxonomy/agencies.json";
import topics from "../../content/taxonomy/topics.json";

/**
 * What the notice schema (functions/publishing/notice-fields.ts) says about a field, and
 * what the publishing workflow says to staff (spread into messages.ts). The build prints
 * the English text of the same key, so a front-matter mistake reads the same in the
 * terminal and in the dashboard's form.
 */
const topicList = Object.keys(topics).join(", ");
const agencyList = Object.keys(agencies).join(", ");

export const noticeMessagesZhCN = {
  "notice.title": "请填写标题，最多 120 个字。",
  "notice.summary": "请填写摘要，最多 400 个字。",
  "notice.language": "语言须为 zh-CN 或 en。",
  "notice.indexNumber": "索引号格式应为 11513226MB1234567X/2024-00012；留空则在首次发布时自动编号。",
  "notice.agency": `须为以下之一：${agencyList}（content/taxonomy/agencies.json）`,
  "notice.topic": `须为以下之一：${topicList}（content/taxonomy/topics.json）`,
  "notice.date": "请填写日期，格式为 YYYY-MM-DD。",
  "notice.slug": "须为另一篇公告的地址名，例如 orchard-support-2026。",
  "notice.status": "效力状态须为 in-force（有效）、amended（已修订）或 repealed（已废止）。",
  "notice.publishedBeforeWritten": "发布日期不能早于成文日期。",
  "notice.updatedBeforePublished": "更新日期不能早于发布日期。",
  "notice.repealedBeforeEffective": "废止日期不能早于生效日期。",
  "notice.changeBeforePublished": "修改日期不能早于发布日期。",
  "notice.changeAfterUpdated": "修改日期晚于更新日期。",
  "notice.attachmentTitle": "请填写附件名称。",
  "notice.attachmentFile": "附件须为本网站 /files/ 或 /media/notices/ 下的文件。",
  "notice.tag": "关键词不能为空。",
  "notice.changeNote": "请写明本次修改了什么（会显示在公告的修改记录中），最多 300 字。",
  "notice.address": "地址名只能用小写字母、数字和连字符，例如 orchard-support-2026。",
  "notice.addressReserved": "这个地址名已被网站的栏目占用，请换一个。",
  "notice.addressTaken": "已有公告使用这个地址名。要修改它，请在公告列表中打开该公告并选择“修订”。",
  "notice.body": "请填写正文，最多 60000 个字。",
  "notice.openEdition": "这篇公告已有一个未完成的版本（草稿、待审核或退回修改）。请先完成或删除它。",
  "notice.wrongState": "这个版本目前不能这样处理（当前状态：{status}）。请刷新页面查看最新情况。",
  "notice.ownEdition": "不能审核自己起草的版本：请由本部门的另一位审核人审核。",
  "notice.notYourAgency": "您只能编辑本部门（{agencies}）发布的公告。",
  "notice.reviewedFirst": "另一位审核人已经处理了这个版本。请刷新页面查看结果。",
  "notice.returnComment": "请写明需要修改的地方（起草人会看到），最多 1000 字。",
  "notice.publishAt": "定时发布的时间须在将来，格式为 YYYY-MM-DDTHH:MM（县里时间）。",
  "notice.forceReason": "直接发布须写明理由（记入操作记录），最多 300 字。",
  "notice.withdrawReason": "请写明撤回的理由（会显示在公告页面上），最多 300 字。",
  "notice.notPublished": "只有已发布的公告才能撤回。",
  "notice.attachmentType": "附件须为 PDF、Word、Excel、WPS、CSV 或图片（JPEG、PNG、WebP）文件。",
  "notice.attachmentSize": "每个附件最大 {mb} MB。",
  "notice.attachmentCount": "每篇公告最多 {max} 个附件。",
  "notice.attachmentMissing": "请选择要上传的文件。",
  "notice.unknownAttachment": "这个附件不属于这篇公告，请重新上传。",
  "notice.replacedBy": "替代公告须为已发布的另一篇公告的地址名。",
} as const;

export const noticeMessagesEn: Record<keyof typeof noticeMessagesZhCN, string> = {
  "notice.title": "Give a title of at most 120 characters.",
  "notice.summary": "Give a summary of at most 400 characters.",
  "notice.language": 'language must be "zh-CN" or "en".',
  "notice.indexNumber":
    "索引号 must look like 11513226MB1234567X/2024-00012; leave it empty to have it numbered when first published.",
  "notice.agency": `must be one of ${agencyList} (content/taxonomy/agencies.json)`,
  "notice.topic": `must be one of ${topicList} (content/taxonomy/topics.json)`,
  "notice.date": "must be a date written YYYY-MM-DD",
  "notice.slug": "must be the file name of another notice, e.g. orchard-support-2026",
  "notice.status": 'status must be "in-force", "amended" or "repealed"',
  "notice.publishedBeforeWritten": "cannot be before the date written",
  "notice.updatedBeforePublished": "cannot be before the date published",
  "notice.repealedBeforeEffective": "cannot be before the effective date",
  "notice.changeBeforePublished": "cannot be before the date published",
  "notice.changeAfterUpdated": "is after the updated date",
  "notice.attachmentTitle": "Give the attachment a title.",
  "notice.attachmentFile": "must be a file under /files/ or /media/notices/ on this site",
  "notice.tag": "A keyword cannot be empty.",
  "notice.changeNote": "Say what this edition changes (shown in the notice's change log), in at most 300 characters.",
  "notice.address": "Use lower-case letters, digits and hyphens only, for example orchard-support-2026.",
  "notice.addressReserved": "This address is taken by a section of the site: choose another.",
  "notice.addressTaken":
    "A notice already has this address. To change it, open that notice in the list and choose “Amend”.",
  "notice.body": "Write the text, at most 60,000 characters.",
  "notice.openEdition":
    "This notice already has an edition in progress (a draft, waiting for review or returned). Finish or delete it first.",
  "notice.wrongState":
    "This edition cannot be handled that way now (its status: {status}). Refresh the page to see where it stands.",
  "notice.ownEdition": "You cannot review an edition you drafted: another reviewer of the agency must review it.",
  "notice.notYourAgency": "You can edit only notices of your agencies ({agencies}).",
  "notice.reviewedFirst": "Another reviewer has already dealt with this edition. Refresh the page to see the result.",
  "notice.returnComment": "Say what needs changing (the editor reads it), in at most 1,000 characters.",
  "notice.publishAt": "A scheduled time must be in the future, written YYYY-MM-DDTHH:MM (county time).",
  "notice.forceReason": "Publishing directly needs a reason (kept in the audit log), at most 300 characters.",
  "notice.withdrawReason": "Say why the notice is withdrawn (shown on its page), in at most 300 characters.",
  "notice.notPublished": "Only a published notice can be withdrawn.",
  "notice.attachmentType": "An attachment must be a PDF, Word, Excel, WPS, CSV or picture (JPEG, PNG, WebP) file.",
  "notice.attachmentSize": "Each attachment can be at most {mb} MB.",
  "notice.attachmentCount": "A notice can have at most {max} attachments.",
  "notice.attachmentMissing": "Choose a file to upload.",
  "notice.unknownAttachment": "This attachment does not belong to this notice: upload it again.",
  "notice.replacedBy": "The replacing notice must be the address of another published notice.",
};
