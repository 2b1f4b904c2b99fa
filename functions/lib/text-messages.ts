/** What a text field says when it holds characters it cannot keep (lib/fields.ts singleLine, multiLine). */
export const textMessagesZh = {
  "field.oneLine": "请写在一行内，不要换行。",
  "field.hidden": "这里有看不见的控制字符、零宽字符或文字方向字符（常在复制粘贴时带入）。请删除后重新输入。",
} as const;

export const textMessagesEn: Record<keyof typeof textMessagesZh, string> = {
  "field.oneLine": "Keep this on one line, without line breaks.",
  "field.hidden":
    "This contains invisible control, zero-width or text-direction characters (often picked up when copying and pasting). Please delete them and type it again.",
};
