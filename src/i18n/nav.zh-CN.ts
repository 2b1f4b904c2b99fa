/** Header search, the lookup link and the not-found page, Chinese. Spread into zh-CN.ts; every key must exist in nav.en.ts. */
export const navZhCN = {
  "nav.find": "找回预订/订单",
  "nav.search": "搜索公告",
  "nav.searchSubmit": "搜索",
  "notFound.lead": "请检查地址是否输入正确，或者搜索公告，也可以从下面的栏目开始找。",
  "notFound.searchLabel": "搜索公告",
  "notFound.links": "常用栏目",
} as const;

export type NavKey = keyof typeof navZhCN;
