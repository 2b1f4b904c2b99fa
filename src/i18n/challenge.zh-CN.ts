/** The check a busy address or phone passes before a booking, order or lookup (ChallengeCheck.astro), Chinese. */
export const challengeZhCN = {
  "challenge.heading": "请确认是您本人",
  "challenge.working": "正在自动确认，大约需要一秒钟，完成后会替您重新提交。",
  "challenge.sending": "确认完成，正在重新提交。",
  "challenge.press": "确认完成。请再按一次提交按钮。",
} as const;
