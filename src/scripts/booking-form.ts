import { formatFen } from "@functions/lib/money";
import { isPhoneNumber } from "@functions/lib/phone";

/**
 * Progressive enhancement for the booking form: inline messages as soon as a
 * field is left, and a running total. The messages are the page's own (data-error
 * attributes, the server's wording in the page's language), never the browser's,
 * which speak the browser's language and show dates in its format. The form
 * works the same without this script; the server decides.
 */
export function enhanceBookingForm(form: HTMLFormElement): void {
  const total = form.querySelector<HTMLElement>(".total");
  const summary = form.querySelector<HTMLElement>(".form-summary");
  const locale = form.dataset.locale === "en" ? "en" : "zh-CN";
  const num = (name: string) => Number((form.elements.namedItem(name) as HTMLInputElement | null)?.value ?? 0);

  function updateTotal() {
    if (!total) return;
    const unit = form.elements.namedItem("unit") as HTMLSelectElement | null;
    let fen = 0;
    if (unit) {
      const price = Number(unit.selectedOptions[0]?.dataset.price ?? 0);
      fen = price * num("nights") * num("units");
    } else {
      fen = Number(total.dataset.price ?? 0) * (num("guests[adults]") + num("guests[children]"));
    }
    const valid = Number.isFinite(fen) && fen > 0;
    total.hidden = !valid;
    if (valid) total.textContent = `${total.dataset.template ?? ""}: ${formatFen(fen, locale)}`;
  }

  function problem(input: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement): string | undefined {
    if (input instanceof HTMLInputElement && input.dataset.phone !== undefined && input.value.trim()) {
      input.setCustomValidity(isPhoneNumber(input.value) ? "" : "phone");
    }
    const v = input.validity;
    if (v.valid) return undefined;
    const d = input.dataset;
    return (v.rangeUnderflow && d.errorMin) || (v.rangeOverflow && d.errorMax) || d.error || input.validationMessage;
  }

  function showError(input: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement): boolean {
    const id = `${input.id}-error`;
    let note = form.querySelector<HTMLElement>(`#${CSS.escape(id)}`);
    const text = problem(input);
    input.closest(".field")?.classList.toggle("invalid", Boolean(text));
    if (!text) {
      input.removeAttribute("aria-invalid");
      note?.remove();
      input.setAttribute("aria-describedby", (input.getAttribute("aria-describedby") ?? "").replace(id, "").trim());
      return true;
    }
    input.setAttribute("aria-invalid", "true");
    if (!note) {
      note = document.createElement("p");
      note.id = id;
      note.className = "field-error";
      input.insertAdjacentElement("beforebegin", note);
      input.setAttribute("aria-describedby", `${input.getAttribute("aria-describedby") ?? ""} ${id}`.trim());
    }
    note.textContent = text;
    return false;
  }

  type Field = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
  const fields = [...form.querySelectorAll("input:not([type=hidden]), select, textarea")] as unknown as Field[];
  for (const field of fields) {
    field.addEventListener("blur", () => showError(field));
    field.addEventListener("input", () => {
      if (field.getAttribute("aria-invalid")) showError(field);
      updateTotal();
    });
  }
  form.addEventListener("submit", (event) => {
    const bad = fields.filter((f) => !showError(f));
    if (bad.length) {
      event.preventDefault();
      if (summary) {
        summary.hidden = false;
        summary.textContent = form.dataset.invalid ?? "";
      }
      bad[0]?.focus();
    }
  });
  updateTotal();
}
