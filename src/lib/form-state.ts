import { decodeFlash, FORM_FLASH_COOKIE, KEPT_FORM_PREFIX } from "@functions/lib/forms";
import type { AstroGlobal } from "astro";

/**
 * What a refused form post left for its page (see refusedForm in
 * functions/lib/forms.ts): the typed values and a message per field, by field
 * path (`contact.phone`). Read once: the cookie is deleted as it is read.
 */
export interface FormState {
  /** The form that was refused (the `form` of its action, see formAction). */
  form?: string;
  values: Record<string, string>;
  errors: Record<string, string>;
  detail?: string;
  /** The whole of a long staff form, kept on the server (functions/lib/forms.ts keepLongValues). */
  kept?: string;
}

export const NO_FORM_STATE: FormState = { values: {}, errors: {} };

/**
 * A form's action asking the server to come back here when it refuses the post
 * (functions/lib/forms.ts, refusedForm). Only forms whose page renders formState use it.
 */
export function formAction(action: string, form: string): string {
  return `${action}${action.includes("?") ? "&" : "?"}form=${encodeURIComponent(form)}`;
}

/** What the refused post of the form `form` on this page left, or nothing. */
export function formState(Astro: AstroGlobal, form?: string): FormState {
  const raw = Astro.cookies.get(FORM_FLASH_COOKIE)?.value;
  if (!raw) return NO_FORM_STATE;
  Astro.cookies.delete(FORM_FLASH_COOKIE, { path: "/" });
  const flash = decodeFlash(raw);
  if (!flash || flash.path !== Astro.url.pathname) return NO_FORM_STATE;
  if (form !== undefined && flash.form !== form) return NO_FORM_STATE;
  // Someone's name and phone are on this page now: no cache may keep it.
  Astro.response.headers.set("cache-control", "no-store");
  return flash;
}

/** A staff editor's refused form with its long texts whole again: read once, then gone. */
export async function withKeptValues(state: FormState, kv: KVNamespace | undefined): Promise<FormState> {
  if (!state.kept || !kv) return state;
  const key = `${KEPT_FORM_PREFIX}${state.kept}`;
  const raw = await kv.get(key).catch(() => null);
  if (!raw) return state;
  await kv.delete(key).catch(() => undefined);
  try {
    const values = JSON.parse(raw) as Record<string, unknown>;
    const strings = Object.fromEntries(Object.entries(values).filter(([, v]) => typeof v === "string")) as Record<
      string,
      string
    >;
    return { ...state, values: { ...state.values, ...strings } };
  } catch {
    return state;
  }
}

/** On a page with several forms, only the form that was posted shows the values and messages. */
export function stateOf(state: FormState, form: string): FormState {
  return state.form === form ? state : NO_FORM_STATE;
}

/**
 * A refusal that names no field (nights full, session full) is shown next to
 * the field a person would change to fix it.
 */
export function withDetailAt(state: FormState, path: string): FormState {
  if (!state.detail || Object.keys(state.errors).length) return state;
  return { ...state, errors: { [path]: state.detail } };
}

/** The attributes that tie a control to its message (and hint), for a Field's control. */
export function describedBy(id: string, error: string | undefined, ...others: Array<string | undefined>) {
  const ids = [error ? `${id}-error` : undefined, ...others].filter(Boolean).join(" ");
  return {
    "aria-invalid": error ? ("true" as const) : undefined,
    "aria-describedby": ids || undefined,
  };
}

/**
 * The error summary's lines, in the form's order: each message linked to the
 * control with that path (or, for a group such as `guests`, its first control).
 * `ids` maps field paths to control ids.
 */
export function summaryItems(state: FormState, ids: Record<string, string>): Array<{ href?: string; text: string }> {
  const paths = Object.keys(ids);
  const items: Array<{ href?: string; text: string; order: number }> = Object.entries(state.errors).map(
    ([path, text]) => {
      const at = paths.findIndex((p) => p === path || p.startsWith(`${path}.`));
      const id = at >= 0 ? ids[paths[at] as string] : undefined;
      return { text, order: at >= 0 ? at : paths.length, ...(id ? { href: `#${id}` } : {}) };
    },
  );
  if (state.detail && !items.length) items.push({ text: state.detail, order: paths.length });
  return items.sort((a, b) => a.order - b.order).map(({ order: _, ...item }) => item);
}

/** Field paths of ProductFields.astro and their control ids, for the product forms' summaries. */
export const PRODUCT_FIELD_IDS: Record<string, string> = {
  id: "p-id",
  category: "p-category",
  nameZh: "p-nameZh",
  nameEn: "p-nameEn",
  unitZh: "p-unitZh",
  unitEn: "p-unitEn",
  priceYuan: "p-price",
  sortOrder: "p-sort",
  descriptionZh: "p-descZh",
  descriptionEn: "p-descEn",
  stock: "p-stock",
};
