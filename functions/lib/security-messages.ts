/** What the API says about second factors, re-authentication, secrets and passwords (spread into messages.ts). */
export const securityMessagesZhCN = {
  "security.secretUnusable":
    "本网站的安全密钥尚未正确设置，暂时无法办理此项业务。请稍后再试，或拨打页面底部的联系电话。",
  "security.codeRequired": "请输入验证器应用显示的 6 位验证码，或一个恢复码。",
  "security.codeWrong": "验证码或恢复码不正确，或已经用过。",
  "security.reauthRequired": "这项操作需要先再次确认您的身份（输入密码，已开启两步验证的还要输入验证码）。",
  "security.enrolRequired": "管理员账户须先开启两步验证，才能使用管理功能。",
  "security.notEnrolling": "请先打开“两步验证”页面，再输入验证码。",
  "security.passwordCommon": "这个密码太常见，很容易被猜中。请换一个更长、更独特的密码，例如几个不相关的词。",
  "security.passwordPersonal": "密码里不要包含您的邮箱名或县名。",
} as const;

export const securityMessagesEn: Record<keyof typeof securityMessagesZhCN, string> = {
  "security.secretUnusable":
    "The portal's security key is not set up properly, so this cannot be done for now. Please try later or call the number at the foot of the page.",
  "security.codeRequired": "Enter the 6-digit code shown by your authenticator app, or a recovery code.",
  "security.codeWrong": "The code or recovery code is not right, or has been used already.",
  "security.reauthRequired": "Please confirm it is you first (your password, and your code if two-step sign-in is on).",
  "security.enrolRequired": "Admin accounts must turn on two-step sign-in before using the admin pages.",
  "security.notEnrolling": "Open the two-step sign-in page first, then enter the code.",
  "security.passwordCommon":
    "This password is too common and easy to guess. Choose a longer, more unusual one, for example a few unrelated words.",
  "security.passwordPersonal": "The password must not contain your e-mail name or the county's name.",
};
