/** Two-step sign-in, re-authentication and locked sign-ins in the dashboard, Chinese. */
export const securityZhCN = {
  "security.code": "验证码（仅限已开启两步验证的账户）",
  "security.codeHint": "验证器应用显示的 6 位数字；手机丢失时可输入一个恢复码。",
  "security.locked": "登录失败次数过多",
  "security.unlock": "解除登录限制",
  "dash.done.unlocked": "已解除登录限制，此账户可以立即登录。",
  "security.invitePending": "已邀请，邀请在 {date} 前有效。",
  "security.linkShownOnce": "链接只在创建时显示一次。找不到了？请点“重新发送邀请”生成新链接。",
  "security.confirm.title": "确认是您本人",
  "security.confirm.intro":
    "邀请同事或重置密码前，请再次输入您的密码（已开启两步验证的，还需输入验证码）。确认后 10 分钟内有效。",
  "security.confirm.submit": "确认",
  "security.tf.title": "两步验证",
  "security.tf.on": "两步验证已开启。登录时除密码外还需输入验证器应用的验证码。",
  "security.tf.codesLeft": "剩余未使用的恢复码：{n} 个。",
  "security.tf.intro":
    "开启后，登录和重要操作除密码外还需输入手机验证器应用（如 Google Authenticator、Microsoft Authenticator）显示的 6 位验证码。",
  "security.tf.start": "开始设置",
  "security.tf.scan": "用验证器应用扫描下面的二维码，或手动输入这个密钥：",
  "security.tf.secret": "密钥",
  "security.tf.qr": "两步验证设置二维码",
  "security.tf.confirm": "输入应用显示的 6 位验证码",
  "security.tf.confirmSubmit": "开启两步验证",
  "security.tf.codesTitle": "恢复码（只显示这一次）",
  "security.tf.codesIntro": "请抄写或打印这些恢复码并妥善保管。手机丢失时，每个恢复码可代替验证码使用一次。",
  "security.tf.link": "两步验证",
} as const;
