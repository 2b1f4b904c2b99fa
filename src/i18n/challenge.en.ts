import type { challengeZhCN } from "./challenge.zh-CN";

/** The check a busy address or phone passes before a booking, order or lookup (ChallengeCheck.astro), English. */
export const challengeEn: Record<keyof typeof challengeZhCN, string> = {
  "challenge.heading": "Please confirm it is you",
  "challenge.working": "Checking by itself, which takes about a second; the form will then be sent again for you.",
  "challenge.sending": "Done. Sending the form again.",
  "challenge.press": "Done. Please press the button again.",
};
