import { getCollection } from "astro:content";
import type { APIRoute } from "astro";
import type { Dataset } from "../../../collections/open-data-schema";
import type { Lang } from "../../../i18n";
import { datasetCsv, datasetJson } from "../../../lib/open-data";
import { pathsInBothLocales } from "../../../lib/static-paths";

export async function getStaticPaths() {
  const datasets = await getCollection("openData");
  const files = datasets.flatMap((d) =>
    (["csv", "json"] as const).map((format) => ({ id: d.id, format, data: d.data })),
  );
  return pathsInBothLocales(files, (f) => ({ file: `${f.id}.${f.format}` }));
}

export const GET: APIRoute = ({ props }) => {
  const { locale, item } = props as { locale: Lang; item: { id: string; format: "csv" | "json"; data: Dataset } };
  if (item.format === "csv") {
    return new Response(datasetCsv(item.data, locale), { headers: { "content-type": "text/csv; charset=utf-8" } });
  }
  return new Response(`${JSON.stringify(datasetJson(item.id, item.data, locale), null, 2)}\n`, {
    headers: { "content-type": "application/json; charset=utf-8" },
  });
};
