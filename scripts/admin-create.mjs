// Creates the first admin (county staff) account of a deployment; admins then
// invite everyone else from the dashboard. The password is asked twice without
// echo (or read from stdin, one line per question) and never printed; only its
// PBKDF2 hash reaches the database.
//   npm run admin:create                         local database (.wrangler/state)
//   npm run admin:create -- --remote             the Cloudflare D1 database
//   npm run admin:create -- --email a@b.cn --name "王芳"
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { hashPassword, PASSWORD_MAX, PASSWORD_MIN } from "../functions/accounts/passwords.ts";
import { ask, askHidden, closePrompt } from "./prompt.mjs";

const { values } = parseArgs({
  options: {
    email: { type: "string" },
    name: { type: "string" },
    remote: { type: "boolean", default: false },
    "persist-to": { type: "string", default: process.env.PORTAL_PERSIST ?? ".wrangler/state" },
  },
});

function fail(message) {
  closePrompt();
  console.error(`admin:create: ${message}`);
  process.exit(1);
}

const email = (values.email ?? (await ask("E-mail: "))).trim().toLowerCase();
if (!/^[^\s@'"\\]+@[^\s@'"\\]+\.[^\s@'"\\]+$/.test(email) || email.length > 254) fail("that is not an e-mail address.");
const name = (values.name ?? (await ask("Name: "))).trim() || email.split("@")[0];

const target = values.remote ? ["--remote"] : ["--local", "--persist-to", values["persist-to"]];
const wrangler = (args) =>
  execFileSync("wrangler", ["d1", "execute", "DB", ...target, "--yes", ...args], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, WRANGLER_SEND_METRICS: "false" },
  });
const quote = (s) => `'${String(s).replaceAll("'", "''")}'`;

const found = JSON.parse(
  wrangler(["--json", "--command", `SELECT count(*) AS n FROM accounts WHERE email = ${quote(email)}`]),
);
if (found[0]?.results?.[0]?.n > 0) fail(`${email} already has an account: manage it from the dashboard.`);

const password = await askHidden(`Password (${PASSWORD_MIN}-${PASSWORD_MAX} characters): `);
const length = [...password].length;
if (length < PASSWORD_MIN || length > PASSWORD_MAX)
  fail(`a password must be ${PASSWORD_MIN}-${PASSWORD_MAX} characters.`);
if ((await askHidden("Password again: ")) !== password) fail("the two passwords differ.");
closePrompt();

const hash = await hashPassword(password);
const dir = mkdtempSync(join(tmpdir(), "admin-create-"));
const file = join(dir, "admin.sql");
// One file, so the account and its audit entry are applied together.
writeFileSync(
  file,
  `INSERT INTO accounts (email, name, role, password_hash) VALUES (${quote(email)}, ${quote(name)}, 'admin', ${quote(hash)});
INSERT INTO audit_log (actor_id, action, target_type, target_id, after)
  SELECT NULL, 'account.create_admin', 'account', CAST(id AS TEXT), json_object('email', email, 'via', 'npm run admin:create')
  FROM accounts WHERE email = ${quote(email)};
`,
);
try {
  wrangler(["--file", file]);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log(
  `admin:create: ${email} can now sign in at /dashboard/login/ (${values.remote ? "remote" : "local"} database).`,
);
