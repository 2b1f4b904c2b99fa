// Elder-friendly mode switch. The choice is stored on this device only; the
// head bootstrap applies it before first paint on the next page.
(() => {
  const KEY = "portal-elder";
  const root = document.documentElement;
  function sync(button) {
    const on = root.classList.contains("elder");
    button.setAttribute("aria-pressed", on ? "true" : "false");
    button.textContent = on ? button.dataset.off : button.dataset.on;
  }
  function init() {
    for (const button of document.querySelectorAll(".elder-toggle")) {
      sync(button);
      button.addEventListener("click", () => {
        const on = root.classList.toggle("elder");
        try {
          localStorage.setItem(KEY, on ? "1" : "0");
        } catch {
          // Private browsing may refuse storage: the switch still works for this page.
        }
        sync(button);
      });
    }
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
