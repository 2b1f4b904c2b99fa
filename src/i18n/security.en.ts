import type { securityZhCN } from "./security.zh-CN";

/** Two-step sign-in, re-authentication and locked sign-ins in the dashboard, English. */
export const securityEn: Record<keyof typeof securityZhCN, string> = {
  "security.code": "Code (only for accounts with two-step sign-in)",
  "security.codeHint": "The 6 digits your authenticator app shows; a recovery code if you lost your phone.",
  "security.locked": "too many failed sign-ins",
  "security.unlock": "Unlock sign-in",
  "dash.done.unlocked": "Sign-in unlocked: the account can sign in at once.",
  "security.invitePending": "Invited; the invitation is valid until {date}.",
  "security.linkShownOnce": "The link is shown only when it is made. Lost it? Use “Send a new invitation”.",
  "security.confirm.title": "Confirm it is you",
  "security.confirm.intro":
    "Before inviting someone or resetting a password, type your password again (and your code if two-step sign-in is on). This holds for 10 minutes.",
  "security.confirm.submit": "Confirm",
  "security.tf.title": "Two-step sign-in",
  "security.tf.on": "Two-step sign-in is on. Signing in needs your authenticator app's code as well as the password.",
  "security.tf.codesLeft": "Unused recovery codes left: {n}.",
  "security.tf.intro":
    "Once on, signing in and important actions need the 6-digit code of an authenticator app on your phone (such as Google Authenticator or Microsoft Authenticator) as well as your password.",
  "security.tf.start": "Set it up",
  "security.tf.scan": "Scan the QR code with your authenticator app, or type this key into it:",
  "security.tf.secret": "Key",
  "security.tf.qr": "QR code for setting up two-step sign-in",
  "security.tf.confirm": "Enter the 6-digit code the app shows",
  "security.tf.confirmSubmit": "Turn on two-step sign-in",
  "security.tf.codesTitle": "Recovery codes (shown only now)",
  "security.tf.codesIntro":
    "Write these down or print them and keep them safe. If you lose your phone, each one works once instead of a code.",
  "security.tf.link": "Two-step sign-in",
};
