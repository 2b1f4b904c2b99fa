/** How the portal's scheduled work is doing, for the admin dashboard, Chinese. Spread into zh-CN.ts; every key must exist in operations.en.ts. */
export const operationsZhCN = {
  "dash.cron.title": "定时任务",
  "dash.cron.lead": "网站按计划自动发送订单邮件和短信、清理过期记录。这里显示每项计划最近一次运行的时间。",
  "dash.cron.minute": "每分钟：发送订单邮件和消息",
  "dash.cron.hourly": "每小时：清理过期记录、标记未到店预订",
  "dash.cron.ago": "{minutes} 分钟前运行",
  "dash.cron.justNow": "刚刚运行",
  "dash.cron.never": "还没有运行记录",
  "dash.cron.failed": "最近一次运行出错，请查看 Worker 日志。",
  "dash.cron.overdue": "已超过 {limit} 分钟没有运行：请检查 Cloudflare 控制台中 Worker 的 Cron 触发器和日志。",
} as const;
