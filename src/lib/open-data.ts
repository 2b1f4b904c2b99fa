import units from "../../content/taxonomy/units.json";
import type { Chart, Dataset, Figure } from "../collections/open-data-schema";
import { type Lang, localePath } from "../i18n";
import { type Cell, toCsv } from "./csv";

type Names = Record<string, Record<Lang, string>>;

export const openDataPath = (locale: Lang) => localePath(locale, "/open-data/");
export const downloadPath = (locale: Lang, id: string, format: "csv" | "json") =>
  localePath(locale, `/open-data/${id}.${format}`);

function unitName(key: string, locale: Lang): string {
  return (units as Names)[key]?.[locale] ?? key;
}

/** Grouped digits, at most two decimals: 1,633.3 / 12,322. */
function formatNumber(value: number): string {
  const [whole = "0", fraction] = String(Math.round(value * 100) / 100).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return fraction ? `${grouped}.${fraction}` : grouped;
}

const QUALIFIERS: Record<NonNullable<Figure["qualifier"]>, Record<Lang, string>> = {
  about: { "zh-CN": "约", en: "about " },
  "more-than": { "zh-CN": "超过", en: "more than " },
};

/**
 * A figure as the county reports it: 6876万元 in Chinese (the 万 is how people
 * read money and counts), 68.76 million yuan in English.
 */
export function formatFigure(figure: Pick<Figure, "value" | "unit" | "qualifier">, locale: Lang): string {
  const unit = unitName(figure.unit, locale);
  const prefix = figure.qualifier ? QUALIFIERS[figure.qualifier][locale] : "";
  if (locale === "zh-CN") {
    const amount = figure.value >= 100_000 ? `${formatNumber(figure.value / 10_000)}万` : formatNumber(figure.value);
    return `${prefix}${amount}${unit}`;
  }
  const amount =
    figure.value >= 1_000_000 ? `${formatNumber(figure.value / 1_000_000)} million` : formatNumber(figure.value);
  return `${prefix}${amount} ${unit}`;
}

/** +62.05%: the chart's title already says what the change is measured against. */
function formatPercent(change: number): string {
  const sign = change > 0 ? "+" : change < 0 ? "−" : "";
  return `${sign}${formatNumber(Math.abs(change))}%`;
}

export function formatChange(change: number, locale: Lang): string {
  return locale === "zh-CN" ? `同比 ${formatPercent(change)}` : `${formatPercent(change)} on a year earlier`;
}

const EN_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function formatPoint(point: string, locale: Lang): string {
  const [y, m] = point.split("-");
  if (!m) return locale === "zh-CN" ? `${y}年` : `${y}`;
  return locale === "zh-CN" ? `${y}年${Number(m)}月` : `${EN_MONTHS[Number(m) - 1]} ${y}`;
}

/** "2022" -> 2022年 / 2022; "2023-03/.." -> 2023年3月以来 / since Mar 2023. */
export function formatPeriod(period: string, locale: Lang): string {
  const [from = period, to] = period.split("/");
  if (to === undefined) return formatPoint(from, locale);
  if (to === "..")
    return locale === "zh-CN" ? `${formatPoint(from, locale)}以来` : `since ${formatPoint(from, locale)}`;
  return locale === "zh-CN"
    ? `${formatPoint(from, locale)}至${formatPoint(to, locale)}`
    : `${formatPoint(from, locale)} to ${formatPoint(to, locale)}`;
}

export interface Bar {
  label: string;
  value: number;
  text: string;
  /** Share of the longest bar, 0..100. */
  percent: number;
}

/** The bars of one chart, scaled from zero so lengths compare honestly. */
export function chartBars(dataset: Dataset, chart: Chart, locale: Lang): Bar[] {
  const plotted =
    chart.measure === "change"
      ? dataset.records.flatMap((r) => (r.change === undefined ? [] : [{ r, value: r.change }]))
      : dataset.records.filter((r) => r.unit === chart.unit).map((r) => ({ r, value: r.value }));
  const max = Math.max(...plotted.map((p) => Math.abs(p.value)), 0);
  return plotted.map(({ r, value }) => ({
    label: r.short[locale],
    value,
    text: chart.measure === "change" ? formatPercent(value) : formatFigure(r, locale),
    percent: max === 0 ? 0 : Math.round((Math.abs(value) / max) * 1000) / 10,
  }));
}

const HEADERS: Record<Lang, string[]> = {
  "zh-CN": ["指标编号", "指标", "数值", "单位", "统计期间", "同比增长（%）", "数值说明", "来源", "发布日期"],
  en: ["id", "indicator", "value", "unit", "period", "change_percent", "qualifier", "source", "published"],
};

/** One row per figure; values stay raw numbers (68760000, not 6876万) so spreadsheets can sum them. */
export function datasetCsv(dataset: Dataset, locale: Lang): string {
  const rows: Cell[][] = dataset.records.map((r) => [
    r.id,
    r.label[locale],
    r.value,
    unitName(r.unit, locale),
    formatPeriod(r.period, locale),
    r.change,
    r.qualifier ? QUALIFIERS[r.qualifier][locale].trim() : undefined,
    r.source[locale],
    r.date,
  ]);
  return toCsv([HEADERS[locale], ...rows]);
}

export function datasetJson(id: string, dataset: Dataset, locale: Lang) {
  return {
    id,
    language: locale,
    title: dataset.title[locale],
    description: dataset.description[locale],
    records: dataset.records.map((r) => ({
      id: r.id,
      indicator: r.label[locale],
      value: r.value,
      unit: r.unit,
      unitLabel: unitName(r.unit, locale),
      qualifier: r.qualifier ?? null,
      period: r.period,
      periodLabel: formatPeriod(r.period, locale),
      changePercent: r.change ?? null,
      source: r.source[locale],
      published: r.date,
    })),
  };
}
