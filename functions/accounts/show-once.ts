/**
 * Something a form's answer must show exactly once (a new invitation link, fresh
 * recovery codes) without putting it in the redirect's address: an HttpOnly cookie
 * for five minutes, read and cleared by the page the form returns to, and only for
 * the account that made it.
 */
export const ONCE_COOKIE = "__Host-portal_once";
type Kind = "invite-link" | "recovery-codes";

export interface ShownOnce {
  kind: Kind;
  account: number;
  /** For an invitation link: the account it is for. */
  about?: number;
  value: string;
}

export function onceCookie(item: ShownOnce): string {
  const value = btoa(encodeURIComponent(JSON.stringify(item))).replace(/=+$/, "");
  return `${ONCE_COOKIE}=${value}; Path=/; Max-Age=300; HttpOnly; Secure; SameSite=Strict`;
}

/** The item in a cookie value, if it is of this kind and for this account. */
export function readOnce(value: string | undefined, kind: Kind, account: number): ShownOnce | null {
  if (!value || value.length > 4000) return null;
  try {
    const item = JSON.parse(decodeURIComponent(atob(value))) as Partial<ShownOnce>;
    if (item.kind !== kind || item.account !== account || typeof item.value !== "string") return null;
    return item as ShownOnce;
  } catch {
    return null;
  }
}
