import { hasZeroBits, workInput } from "@functions/lib/challenge-work";

/*
 * Answers the check of ChallengeCheck.astro: finds the number the server asks for
 * (functions/lib/challenge-work.ts) and sends the form again, with what was typed
 * already back in it. Hashes run in small parallel batches, which keeps a phone's
 * page responsive and takes about a second at the configured difficulty.
 */

const BATCH = 64;
const AGAIN_KEY = "portal-challenge-sent";
/** Sent again by itself at most once in this time: a second check in a row waits for the person. */
const AGAIN_MS = 30_000;

async function search(token: string, difficulty: number): Promise<string> {
  for (let start = 0; ; start += BATCH) {
    const tries = Array.from({ length: BATCH }, (_, i) => start + i);
    const digests = await Promise.all(tries.map((n) => crypto.subtle.digest("SHA-256", workInput(token, String(n)))));
    const found = digests.findIndex((d) => hasZeroBits(d, difficulty));
    if (found >= 0) return String(start + found);
  }
}

function recentlySent(): boolean {
  try {
    const at = Number(sessionStorage.getItem(AGAIN_KEY) ?? 0);
    sessionStorage.setItem(AGAIN_KEY, String(Date.now()));
    return Date.now() - at < AGAIN_MS;
  } catch {
    return false;
  }
}

async function answer(box: HTMLElement): Promise<void> {
  const form = box.closest("form");
  const status = box.querySelector<HTMLElement>("[data-challenge-status]");
  const solution = box.querySelector<HTMLInputElement>('input[name="challengeSolution"]');
  const { token, difficulty, working, sending, press } = box.dataset;
  if (!form || !status || !solution || !token || !difficulty) return;
  status.textContent = working ?? "";
  solution.value = await search(token, Number(difficulty));
  if (recentlySent()) {
    status.textContent = press ?? "";
    return;
  }
  status.textContent = sending ?? "";
  form.requestSubmit();
}

export function answerChallenges(): void {
  for (const box of document.querySelectorAll<HTMLElement>("[data-challenge]")) void answer(box);
}
