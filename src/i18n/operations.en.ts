import type { operationsZhCN } from "./operations.zh-CN";

/** How the portal's scheduled work is doing, for the admin dashboard, English. */
export const operationsEn: Record<keyof typeof operationsZhCN, string> = {
  "dash.cron.title": "Scheduled work",
  "dash.cron.lead":
    "The portal sends order e-mails and messages and clears out expired records on a schedule. This shows when each schedule last ran.",
  "dash.cron.minute": "Every minute: order e-mails and messages",
  "dash.cron.hourly": "Every hour: expired records cleared, no-shows marked",
  "dash.cron.ago": "Ran {minutes} min ago",
  "dash.cron.justNow": "Ran just now",
  "dash.cron.never": "No run recorded yet",
  "dash.cron.failed": "The last run failed: see the Worker's logs.",
  "dash.cron.overdue":
    "Has not run for more than {limit} minutes: check the Worker's cron triggers and logs in the Cloudflare dashboard.",
};
