import type { AccountRole } from "../db/schema";

/**
 * Editors and reviewers work for agencies (content/taxonomy/agencies.json), one or
 * more each, listed in account_agencies. One role model for everything an agency
 * does on the portal: its editors answer residents' letters (and draft notices), its
 * reviewers approve what is published in the agency's name (DESIGN.md, roles).
 */
export const AGENCY_ROLES = ["editor", "reviewer"] as const satisfies readonly AccountRole[];

export function isAgencyRole(role: AccountRole): role is (typeof AGENCY_ROLES)[number] {
  return (AGENCY_ROLES as readonly string[]).includes(role);
}

/** Whether the account may act for `agency`: the county office (admin) for every agency. */
export function worksFor(account: { role: AccountRole; agencies: readonly string[] }, agency: string | null): boolean {
  if (account.role === "admin") return true;
  return agency !== null && isAgencyRole(account.role) && account.agencies.includes(agency);
}

/**
 * SQL limiting rows to the agencies an account works for, by the rows' agency `column`,
 * with its values: every row for the county office, none for an account without agencies.
 */
export function agencyScope(
  account: { role: AccountRole; agencies: readonly string[] },
  column: string,
): { sql: string; values: unknown[] } {
  if (account.role === "admin") return { sql: "1", values: [] };
  if (account.agencies.length === 0) return { sql: "0", values: [] };
  return { sql: `${column} IN (${account.agencies.map(() => "?").join(", ")})`, values: [...account.agencies] };
}

/** The rows that give an account its agencies, for the batch that creates or changes it. */
export function agencyStatements(d1: D1Database, accountId: number | { email: string }, agencies: readonly string[]) {
  const id =
    typeof accountId === "number"
      ? { sql: "?", value: accountId }
      : { sql: "(SELECT id FROM accounts WHERE email = ?)", value: accountId.email };
  return [...new Set(agencies)].map((agency) =>
    d1.prepare(`INSERT INTO account_agencies (account_id, agency) VALUES (${id.sql}, ?)`).bind(id.value, agency),
  );
}
