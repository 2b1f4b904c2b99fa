import { PNG_8X8 } from "../fixtures/images";
import { inDays } from "./helpers";

/**
 * Every route of the dashboard API, aimed at the OTHER tenant's rows: campsite
 * B (Pear Valley) and cooperative B (wine-coop). tenant-isolation.test.ts fails
 * when a route exists that is missing here. Festival events belong to no tenant
 * (every editor and reviewer manages them, functions/events/changes.ts): their
 * routes aim at an event that does not exist, so they write nothing for anyone.
 */
export interface TenantB {
  booking: string;
  closure: number;
  operator: number;
  order: string;
  /** A certificate and a photo of cooperative B. */
  certificate: number;
  photo: number;
  /** A letter assigned to agency B (housing-bureau). */
  letter: string;
  /** A notice edition drafted for agency B (housing-bureau). */
  edition: number;
}

export interface Attack {
  path: string;
  body?: unknown;
  /** Sent as a multipart picture upload instead of JSON. */
  upload?: boolean;
}

const unit = {
  nameZh: "x",
  nameEn: "x",
  maxGuests: 1,
  priceYuan: "1",
  minNights: 1,
  maxNights: 1,
  bookingWindowDays: 1,
  freeCancelDays: 0,
};
const certificate = { nameZh: "x", nameEn: "x", number: "x", issuer: "x", validUntil: "2030-01-01" };
const point = {
  nameZh: "x",
  nameEn: "x",
  addressZh: "x",
  addressEn: "x",
  hoursZh: "x",
  hoursEn: "x",
  days: [1],
};
const product = { category: "pear-wine", nameZh: "x", nameEn: "x", unitZh: "瓶", unitEn: "bottle", priceYuan: "1" };

const NO_EVENT = "/events/no-such-event-2099";
/** Event editions belong to no tenant either: the attacks name one that does not exist. */
const NO_EDITION = "/event-editions/999999";
const session = {
  nameZh: "x",
  nameEn: "x",
  date: inDays(5),
  startTime: "09:00",
  endTime: "10:00",
  capacity: 5,
  priceYuan: "10",
};

/** A notice of agency B, as its editor would draft it. */
export const housingNotice = {
  slug: "housing-repairs-2026",
  language: "zh-CN",
  title: "安置房维修申请办法",
  summary: "安置房屋顶漏水等问题可向住建局申请维修。",
  agency: "housing-bureau",
  topic: "living-environment",
  written: "2026-11-01",
  validity: { status: "in-force", effective: "2026-11-01" },
  body: "正文",
};

export const attacks = (b: TenantB): Record<string, Attack> => ({
  "GET /notices": { path: "/notices" },
  "GET /notices/:id": { path: `/notices/${b.edition}` },
  "POST /notices": { path: "/notices", body: housingNotice },
  "POST /notices/:id": { path: `/notices/${b.edition}`, body: housingNotice },
  "POST /notices/:id/attachments": { path: `/notices/${b.edition}/attachments`, upload: true },
  "POST /notices/:id/submit": { path: `/notices/${b.edition}/submit`, body: {} },
  "POST /notices/:id/approve": { path: `/notices/${b.edition}/approve`, body: {} },
  "POST /notices/:id/return": { path: `/notices/${b.edition}/return`, body: { comment: "x" } },
  "POST /notices/:id/withdraw": { path: `/notices/${b.edition}/withdraw`, body: { reason: "x" } },
  "GET /events": { path: "/events" },
  "GET /events/:slug": { path: NO_EVENT },
  "GET /events/:slug/status-impact": { path: `${NO_EVENT}/status-impact?status=cancelled` },
  "POST /events/:slug/sessions": { path: `${NO_EVENT}/sessions`, body: session },
  "POST /events/:slug/sessions/:id": { path: `${NO_EVENT}/sessions/x`, body: { capacity: 1, date: inDays(6) } },
  "POST /events/:slug/sessions/:id/cancel": {
    path: `${NO_EVENT}/sessions/x/cancel`,
    body: { reasonZh: "天气原因", reasonEn: "Weather" },
  },
  "POST /events/:slug/status": {
    path: `${NO_EVENT}/status`,
    body: { status: "cancelled", reasonZh: "天气原因", reasonEn: "Weather" },
  },
  "GET /event-editions": { path: "/event-editions" },
  "GET /event-editions/:id": { path: NO_EDITION },
  "POST /event-editions": { path: "/event-editions", body: { slug: "x" } },
  "POST /event-editions/:id": { path: NO_EDITION, body: { slug: "x" } },
  "POST /event-editions/:id/submit": { path: `${NO_EDITION}/submit`, body: {} },
  "POST /event-editions/:id/approve": { path: `${NO_EDITION}/approve`, body: {} },
  "POST /event-editions/:id/return": { path: `${NO_EDITION}/return`, body: { comment: "x" } },
  "GET /letters": { path: "/letters" },
  "GET /letters/:reference": { path: `/letters/${b.letter}` },
  "GET /letters/:reference/photo": { path: `/letters/${b.letter}/photo` },
  "POST /letters/:reference/accept": { path: `/letters/${b.letter}/accept`, body: { agency: "agriculture-bureau" } },
  "POST /letters/:reference/reject": { path: `/letters/${b.letter}/reject`, body: { reason: "abusive" } },
  "POST /letters/:reference/reply": { path: `/letters/${b.letter}/reply`, body: { reply: "x" } },
  "POST /letters/:reference/extend": { path: `/letters/${b.letter}/extend`, body: { until: inDays(40), reason: "xx" } },
  "POST /letters/:reference/publish": { path: `/letters/${b.letter}/publish`, body: {} },
  "GET /sites": { path: "/sites" },
  "GET /sites/:slug/occupancy": { path: "/sites/pear-valley/occupancy" },
  "GET /sites/:slug/arrivals": { path: "/sites/pear-valley/arrivals" },
  "GET /sites/:slug/bookings.csv": { path: "/sites/pear-valley/bookings.csv" },
  "GET /bookings/:reference": { path: `/bookings/${b.booking}` },
  "POST /bookings/:reference/check-in": { path: `/bookings/${b.booking}/check-in`, body: {} },
  "POST /bookings/:reference/no-show": { path: `/bookings/${b.booking}/no-show`, body: {} },
  "POST /bookings/:reference/cancel": { path: `/bookings/${b.booking}/cancel`, body: { reason: "x" } },
  "POST /bookings/:reference/confirm": { path: `/bookings/${b.booking}/confirm`, body: {} },
  "POST /bookings/:reference/decline": { path: `/bookings/${b.booking}/decline`, body: { reason: "x" } },
  "GET /bookings/:reference/same-phone": { path: `/bookings/${b.booking}/same-phone` },
  "POST /bookings/:reference/cancel-same-phone": {
    path: `/bookings/${b.booking}/cancel-same-phone`,
    body: { reason: "x" },
  },
  "GET /sites/:slug/booking-sources": { path: "/sites/pear-valley/booking-sources" },
  "POST /sites/:slug/closures": {
    path: "/sites/pear-valley/closures",
    body: { unit: "pear-valley-cabin", from: inDays(0), to: inDays(0) },
  },
  "POST /closures/:id/delete": { path: `/closures/${b.closure}/delete`, body: {} },
  "POST /units/:unit/capacity": { path: "/units/pear-valley-cabin/capacity", body: { capacity: 0 } },

  "GET /cooperatives/:coop/products": { path: "/cooperatives/wine-coop/products" },
  "POST /cooperatives/:coop/products": {
    path: "/cooperatives/wine-coop/products",
    body: { id: "planted", ...product },
  },
  "POST /products/:id": { path: "/products/wine", body: product },
  "POST /products/:id/deactivate": { path: "/products/wine/deactivate", body: {} },
  "POST /products/:id/activate": { path: "/products/wine/activate", body: {} },
  "POST /products/:id/stock": { path: "/products/wine/stock", body: { change: -3 } },
  "POST /products/:id/stock-count": { path: "/products/wine/stock-count", body: { count: 0, seen: 5 } },
  "POST /products/:id/image": { path: "/products/wine/image", upload: true },
  "GET /cooperatives/:coop/orders": { path: "/cooperatives/wine-coop/orders" },
  "GET /cooperatives/:coop/orders.csv": { path: "/cooperatives/wine-coop/orders.csv" },
  "GET /cooperatives/:coop/sales": { path: "/cooperatives/wine-coop/sales" },
  "GET /cooperatives/:coop/profile": { path: "/cooperatives/wine-coop/profile" },
  "POST /cooperatives/:coop/profile": { path: "/cooperatives/wine-coop/profile", body: { descriptionZh: "x" } },
  "POST /cooperatives/:coop/photos": { path: "/cooperatives/wine-coop/photos", upload: true },
  "POST /cooperatives/:coop/photos/:id/delete": { path: `/cooperatives/wine-coop/photos/${b.photo}/delete`, body: {} },
  "POST /cooperatives/:coop/certificates": { path: "/cooperatives/wine-coop/certificates", body: certificate },
  "POST /cooperatives/:coop/certificates/:id": {
    path: `/cooperatives/wine-coop/certificates/${b.certificate}`,
    body: certificate,
  },
  "POST /cooperatives/:coop/certificates/:id/image": {
    path: `/cooperatives/wine-coop/certificates/${b.certificate}/image`,
    upload: true,
  },
  "POST /cooperatives/:coop/certificates/:id/delete": {
    path: `/cooperatives/wine-coop/certificates/${b.certificate}/delete`,
    body: {},
  },
  "GET /orders/:reference": { path: `/orders/${b.order}` },
  "POST /orders/:reference/confirm": { path: `/orders/${b.order}/confirm`, body: {} },
  "POST /orders/:reference/ready": { path: `/orders/${b.order}/ready`, body: {} },
  "POST /orders/:reference/ship": { path: `/orders/${b.order}/ship`, body: { tracking: "SF1" } },
  "POST /orders/:reference/complete": { path: `/orders/${b.order}/complete`, body: {} },
  "POST /orders/:reference/cancel": { path: `/orders/${b.order}/cancel`, body: { reason: "x" } },

  "GET /admin/accounts": { path: "/admin/accounts" },
  "POST /admin/accounts": {
    path: "/admin/accounts",
    body: { email: "x@example.cn", name: "X", role: "operator", campsites: ["pear-valley"] },
  },
  "POST /admin/accounts/:id/invite": { path: `/admin/accounts/${b.operator}/invite`, body: {} },
  "POST /admin/accounts/:id/reset-password": { path: `/admin/accounts/${b.operator}/reset-password`, body: {} },
  "POST /admin/accounts/:id/disable": { path: `/admin/accounts/${b.operator}/disable`, body: {} },
  "POST /admin/accounts/:id/unlock": { path: `/admin/accounts/${b.operator}/unlock`, body: {} },
  "POST /admin/accounts/:id/enable": { path: `/admin/accounts/${b.operator}/enable`, body: {} },
  "POST /admin/accounts/:id/campsites": { path: `/admin/accounts/${b.operator}/campsites`, body: { campsites: [] } },
  "POST /admin/campsites": { path: "/admin/campsites", body: { slug: "new-site", nameZh: "新", nameEn: "New" } },
  "POST /admin/campsites/:slug": {
    path: "/admin/campsites/pear-valley",
    body: { nameZh: "x", nameEn: "x", active: false },
  },
  "POST /admin/campsites/:slug/units": {
    path: "/admin/campsites/pear-valley/units",
    body: { id: "x", capacity: 1, ...unit },
  },
  "POST /admin/units/:unit": { path: "/admin/units/pear-valley-cabin", body: { capacity: 0, ...unit } },
  "GET /admin/audit": { path: "/admin/audit" },
  "GET /admin/cooperatives": { path: "/admin/cooperatives" },
  "POST /admin/cooperatives": {
    path: "/admin/cooperatives",
    body: {
      id: "planted-coop",
      nameZh: "x",
      nameEn: "x",
      creditCode: "93513221MA6CRT8E0G",
      townshipZh: "x",
      townshipEn: "x",
      villageZh: "x",
      villageEn: "x",
      contactName: "x",
      contactPhone: "13800000000",
    },
  },
  "POST /admin/cooperatives/:coop/verify": { path: "/admin/cooperatives/wine-coop/verify", body: {} },
  "POST /admin/cooperatives/:coop/disable": { path: "/admin/cooperatives/wine-coop/disable", body: {} },
  "POST /admin/cooperatives/:coop/enable": { path: "/admin/cooperatives/wine-coop/enable", body: {} },
  "GET /admin/order-sources": { path: "/admin/order-sources" },
  "POST /admin/order-sources/:hash/cancel": { path: `/admin/order-sources/${"0".repeat(64)}/cancel`, body: {} },
  "GET /admin/pickup-points": { path: "/admin/pickup-points" },
  "POST /admin/pickup-points": { path: "/admin/pickup-points", body: { id: "planted-point", ...point } },
  "POST /admin/pickup-points/:id": { path: "/admin/pickup-points/visitor-centre", body: point },
  "POST /admin/pickup-points/:id/retire": { path: "/admin/pickup-points/visitor-centre/retire", body: {} },
  "POST /admin/pickup-points/:id/reopen": { path: "/admin/pickup-points/closed-point/reopen", body: {} },
  "POST /admin/certificates/:id/verify": { path: `/admin/certificates/${b.certificate}/verify`, body: {} },
});

const PNG = PNG_8X8;

/** The request as a client would send it: JSON, or a same-origin multipart upload. */
export async function requestInit(method: string, a: Attack): Promise<RequestInit> {
  if (a.upload) {
    const form = new FormData();
    form.set("image", new File([PNG], "a.png", { type: "image/png" }));
    const framed = new Request("http://localhost/", { method: "POST", body: form });
    const body = await framed.arrayBuffer();
    return {
      method,
      body,
      headers: {
        "content-type": framed.headers.get("content-type") ?? "",
        "content-length": String(body.byteLength),
        origin: "http://localhost",
      },
    };
  }
  if (a.body === undefined) return { method };
  return { method, headers: { "content-type": "application/json" }, body: JSON.stringify(a.body) };
}
