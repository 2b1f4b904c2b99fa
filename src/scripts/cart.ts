/**
 * The cart island. The cart lives in localStorage so it survives navigation;
 * the server never sees it until the checkout page is opened with the cart in
 * its URL (?item=id:qty), which is also how the page works without this
 * script. Prices shown here are for display only: the server prices orders.
 */
import { formatFen } from "../lib/format";

const KEY = "portal-cart";
/** The cart as last sent to checkout, and as confirmed ordered (sessionStorage, this tab only). */
const SENT = "portal-cart-sent";
const ORDERED = "portal-cart-ordered";

function session(action: (store: Storage) => void) {
  try {
    action(sessionStorage);
  } catch {
    // Storage blocked: Back may show the old cart, but the hidden key still stops a second order.
  }
}

interface Line {
  product: string;
  quantity: number;
}

function read(): Line[] {
  try {
    const parsed = JSON.parse(localStorage.getItem(KEY) ?? "[]");
    return Array.isArray(parsed)
      ? parsed.filter((l) => typeof l?.product === "string" && Number.isInteger(l?.quantity) && l.quantity > 0)
      : [];
  } catch {
    return [];
  }
}

function write(lines: Line[]) {
  try {
    if (lines.length) localStorage.setItem(KEY, JSON.stringify(lines));
    else localStorage.removeItem(KEY);
  } catch {
    // Private mode or storage full: the checkout page still works from its URL.
  }
  showCount(lines);
}

function showCount(lines: Line[]) {
  const units = lines.reduce((n, l) => n + l.quantity, 0);
  for (const el of document.querySelectorAll<HTMLElement>("[data-cart-count]")) {
    el.hidden = units === 0;
    const value = el.querySelector("[data-cart-count-value]");
    if (value) value.textContent = String(units);
  }
}

const query = (lines: Line[]) => lines.map((l) => `item=${encodeURIComponent(`${l.product}:${l.quantity}`)}`).join("&");

/** Product page: "Add to cart" keeps the person on the page and says what happened. */
function enhanceAddForms() {
  for (const form of document.querySelectorAll<HTMLFormElement>("form[data-add-to-cart]")) {
    form.addEventListener("submit", (event) => {
      if (!form.checkValidity()) return;
      event.preventDefault();
      const data = new FormData(form);
      const product = String(data.get("product"));
      const quantity = Number(data.get("quantity"));
      const lines = read();
      const line = lines.find((l) => l.product === product);
      const max = Number(form.querySelector<HTMLInputElement>("[name=quantity]")?.max || 99);
      if (line) line.quantity = Math.min(max, line.quantity + quantity);
      else lines.push({ product, quantity });
      write(lines);
      session((store) => store.removeItem(ORDERED));
      const status = form.querySelector<HTMLElement>("[data-cart-status]");
      if (status) {
        const template = status.dataset.added ?? "";
        status.textContent = template.replace("{quantity}", String(line?.quantity ?? quantity));
      }
      form.querySelector<HTMLElement>("[data-cart-next]")?.removeAttribute("hidden");
    });
  }
}

/** Checkout page: open it from the stored cart, keep the stored cart in step with edits, recompute totals. */
function enhanceCheckout() {
  const form = document.querySelector<HTMLFormElement>("form[data-checkout]");
  const params = new URLSearchParams(location.search);
  const fromUrl = params.has("item") || params.has("product");
  if (!form) {
    const stored = read();
    if (document.querySelector("[data-cart-empty]") && !fromUrl && stored.length) {
      location.replace(`${location.pathname}?${query(stored)}`);
    }
    return;
  }
  // Back from the confirmation page reopens the cart that was just ordered: show the empty cart instead.
  const alreadyOrdered = () => {
    let ordered: string | null = null;
    session((store) => {
      ordered = store.getItem(ORDERED);
    });
    return ordered !== null && ordered === location.search.slice(1);
  };
  if (alreadyOrdered()) {
    location.replace(location.pathname);
    return;
  }
  window.addEventListener("pageshow", (event) => {
    if (event.persisted && alreadyOrdered()) location.replace(location.pathname);
  });
  form.addEventListener("submit", () => session((store) => store.setItem(SENT, location.search.slice(1))));
  const lang = document.documentElement.lang === "en" ? "en" : "zh-CN";
  const lines = () =>
    [...form.querySelectorAll<HTMLElement>("[data-line]")].map((row) => {
      const input = row.querySelector<HTMLInputElement>("input[type=number]");
      return { row, product: row.dataset.line ?? "", price: Number(row.dataset.price), input };
    });
  const sync = () => {
    const current = lines();
    const kept = current
      .map((l) => ({ product: l.product, quantity: Number(l.input?.value || 0) }))
      .filter((l) => Number.isInteger(l.quantity) && l.quantity >= 1 && l.quantity <= 99);
    write(kept);
    history.replaceState(null, "", `${location.pathname}?${query(kept)}`);
    const totals = new Map<string, number>();
    let grand = 0;
    for (const l of current) {
      const q = Math.max(0, Number(l.input?.value || 0)) || 0;
      const coop = l.row.dataset.coop ?? "";
      totals.set(coop, (totals.get(coop) ?? 0) + q * l.price);
      grand += q * l.price;
      const cell = l.row.querySelector("[data-line-subtotal]");
      if (cell) cell.textContent = formatFen(q * l.price, lang);
    }
    for (const el of form.querySelectorAll<HTMLElement>("[data-coop-total]")) {
      el.textContent = formatFen(totals.get(el.dataset.coopTotal ?? "") ?? 0, lang);
    }
    const total = form.querySelector("[data-grand-total]");
    if (total) total.textContent = formatFen(grand, lang);
  };
  write(
    lines()
      .map((l) => ({ product: l.product, quantity: Number(l.input?.value || 0) }))
      .filter((l) => l.quantity > 0),
  );
  form.addEventListener("input", (event) => {
    if ((event.target as HTMLElement).matches("[data-line] input")) sync();
  });
  for (const button of form.querySelectorAll<HTMLButtonElement>("[data-remove]")) {
    button.hidden = false;
    button.addEventListener("click", () => {
      const row = button.closest<HTMLElement>("[data-line]");
      const input = row?.querySelector<HTMLInputElement>("input[type=number]");
      if (!row || !input) return;
      input.value = "0";
      row.hidden = true;
      sync();
      form.querySelector<HTMLElement>("[data-lines-heading]")?.focus();
    });
  }
  enhanceFulfilment(form);
}

/** Only the chosen way of receiving the order is filled in and sent; the other fieldset is disabled. */
function enhanceFulfilment(form: HTMLFormElement) {
  const update = () => {
    const method = form.querySelector<HTMLInputElement>("input[name='fulfilment[method]']:checked")?.value;
    for (const set of form.querySelectorAll<HTMLFieldSetElement>("[data-method]")) {
      const on = set.dataset.method === method;
      set.disabled = !on;
      set.hidden = !on;
      // Without this script both fieldsets are sent and the server ignores the other one,
      // so "required" can only be set here, for the fieldset in use.
      for (const input of set.querySelectorAll<HTMLInputElement>("[data-required]")) {
        input.required = on;
      }
    }
  };
  form.addEventListener("change", (event) => {
    if ((event.target as HTMLInputElement).name === "fulfilment[method]") update();
  });
  update();
}

/** Confirmation page: the orders are placed, so the cart is done. */
function clearAfterOrder() {
  if (!document.querySelector("[data-cart-clear]")) return;
  write([]);
  session((store) => {
    const sent = store.getItem(SENT);
    if (sent !== null) store.setItem(ORDERED, sent);
  });
}

clearAfterOrder();
showCount(read());
enhanceAddForms();
enhanceCheckout();
