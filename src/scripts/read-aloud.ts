/**
 * Reads the notice aloud with the browser's own speech engine, in the notice's
 * language. Nothing is sent anywhere. The text is spoken one block at a time
 * because Chrome silently stops a single long utterance after about 15 seconds.
 */
export function setUpReadAloud(): void {
  const button = document.querySelector<HTMLButtonElement>("[data-read-aloud]");
  if (!button || !("speechSynthesis" in window) || typeof SpeechSynthesisUtterance === "undefined") return;
  const synth = window.speechSynthesis;
  const lang = button.dataset.lang ?? document.documentElement.lang;

  const setSpeaking = (on: boolean) => {
    button.toggleAttribute("data-speaking", on);
    button.textContent = (on ? button.dataset.stop : button.dataset.start) ?? "";
  };

  const blocks = () =>
    [...document.querySelectorAll<HTMLElement>("[data-speak]")]
      // innerText, unlike textContent, ends each paragraph and list item with a line
      // break, which is exactly where the text should be cut into utterances.
      // biome-ignore lint/performance/useDomNodeTextContent: see above.
      .flatMap((el) => el.innerText.split(/\n+/))
      .map((text) => text.trim())
      .filter(Boolean);

  button.addEventListener("click", () => {
    if (synth.speaking || synth.pending) {
      synth.cancel();
      setSpeaking(false);
      return;
    }
    const voice = synth.getVoices().find((v) => v.lang.replace("_", "-").toLowerCase().startsWith(lang.toLowerCase()));
    const texts = blocks();
    texts.forEach((text, i) => {
      const utterance = new SpeechSynthesisUtterance(text);
      utterance.lang = lang;
      if (voice) utterance.voice = voice;
      if (i === texts.length - 1) utterance.onend = () => setSpeaking(false);
      utterance.onerror = () => setSpeaking(false);
      synth.speak(utterance);
    });
    setSpeaking(texts.length > 0);
  });

  // Speech would otherwise carry on after the reader has left the page.
  window.addEventListener("pagehide", () => synth.cancel());
  button.hidden = false;
}
