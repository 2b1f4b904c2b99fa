// Prints the stored form of a password (PBKDF2-SHA256, the portal's own
// parameters), e.g. for the local demo accounts in functions/db/seed/staff.sql.
// The password is read without echo (or from stdin) and never printed.
//   npm run hash-password
import { hashPassword, PASSWORD_MAX, PASSWORD_MIN } from "../functions/accounts/passwords.ts";
import { askHidden, closePrompt } from "./prompt.mjs";

const password = await askHidden("Password: ");
closePrompt();
const length = [...password].length;
if (length < PASSWORD_MIN || length > PASSWORD_MAX) {
  console.error(`hash-password: a password must be ${PASSWORD_MIN}-${PASSWORD_MAX} characters.`);
  process.exit(1);
}
console.log(await hashPassword(password));
