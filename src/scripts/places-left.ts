/**
 * Event pages are static; places left change with every booking. This fills in
 * the live count from the API. Without JavaScript, the booking page shows it.
 */
export async function showPlacesLeft(): Promise<void> {
  const list = document.querySelector<HTMLElement>("ul[data-event]");
  if (!list?.dataset.event) return;
  const lang = document.documentElement.lang === "en" ? "en" : "zh-CN";
  try {
    const res = await fetch(`/api/activity-slots?event=${encodeURIComponent(list.dataset.event)}&lang=${lang}`);
    if (!res.ok) return;
    const slots = (await res.json()) as Array<{ id: string; left: number }>;
    for (const slot of slots) {
      const cell = list.querySelector<HTMLElement>(`[data-slot-left="${CSS.escape(slot.id)}"]`);
      if (!cell) continue;
      cell.textContent =
        slot.left > 0
          ? (list.dataset.leftTemplate ?? "{n}").replace("{n}", String(slot.left))
          : (list.dataset.full ?? "");
      cell.classList.add(slot.left > 0 ? "has-places" : "no-places");
    }
  } catch {
    // Offline or a slow network: the booking page still tells the truth.
  }
}
