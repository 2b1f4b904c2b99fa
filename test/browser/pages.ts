import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";

/** Every prerendered page in the build, as a URL path. */
export function prerenderedPages(root = "dist/client"): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        if (name !== "_astro" && name !== "pagefind") walk(path);
      } else if (name.endsWith(".html")) {
        const rel = `/${relative(root, path)}`;
        out.push(rel.endsWith("/index.html") ? rel.slice(0, -"index.html".length) : rel);
      }
    }
  };
  walk(root);
  return out.sort();
}

/** Each path in Chinese (no prefix) and in English (/en). */
export function inBothLanguages(paths: readonly string[]): string[] {
  return paths.flatMap((p) => [p, `/en${p}`]);
}

/** Pages rendered on demand from D1 (with the demo seed), in both languages. */
export const ON_DEMAND_PAGES = inBothLanguages([
  "/visit/",
  "/visit/gajian-lawn/",
  "/visit/pear-valley/",
  "/visit/booking/",
  "/find/",
  "/interact/",
  "/interact/write/",
  "/interact/letter/",
]);

/** Every dashboard page an admin can open once signed in (an admin sees all of them), in Chinese. */
export const ADMIN_DASHBOARD_PAGES = [
  "/dashboard/",
  "/dashboard/check-in/",
  "/dashboard/sites/gajian-lawn/",
  "/dashboard/booking-sources/?site=gajian-lawn",
  "/dashboard/password/",
  "/dashboard/two-factor/",
  "/dashboard/confirm/",
  "/dashboard/letters/",
  "/dashboard/notices/",
  "/dashboard/notices/new/",
  "/dashboard/notices/new/?slug=development-plan-2023-2027&lang=en",
  "/dashboard/events/",
  "/dashboard/events/pear-picking-2027/",
  "/dashboard/admin/accounts/",
  "/dashboard/admin/campsites/",
  "/dashboard/admin/campsites/gajian-lawn/",
  "/dashboard/admin/audit/",
  "/dashboard/admin/coops/",
  "/dashboard/admin/messages/",
  "/dashboard/admin/order-sources/",
  "/dashboard/admin/pickup-points/",
  "/dashboard/admin/pickup-points/gajian-visitor-centre/",
  "/dashboard/coop/anning-pear-processing/",
  "/dashboard/coop/anning-pear-processing/orders/",
  "/dashboard/coop/anning-pear-processing/orders/?status=open",
  "/dashboard/coop/anning-pear-processing/products/new/",
  "/dashboard/coop/anning-pear-processing/products/pear-syrup-250g/",
  "/dashboard/coop/anning-pear-processing/profile/",
];

/** Dashboard pages (test/browser/html-validity.test.ts fetches them signed in as the demo admin), in both languages. */
export const DASHBOARD_PAGES = inBothLanguages(["/dashboard/login/", ...ADMIN_DASHBOARD_PAGES]);
