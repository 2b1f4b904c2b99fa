/**
 * What is published of a letter never carries a way to reach or identify a person:
 * the county publishes what was asked and answered, not who asked (PIPL; the writer
 * agreed to publication on that condition). Applied to every published text, whatever
 * a reviewer typed, so a phone number written into the message itself or a name in the
 * reply cannot slip through: e-mail addresses, any run of seven or more digits (mobile
 * and landline numbers, ID card and bank numbers, with or without spaces and dashes),
 * and the writer's own name.
 */
const MASK = "***";

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
/** Digits with the separators people type inside numbers; a trailing X ends an ID card number. */
const DIGIT_RUN = /[+(（]*\d(?:[\d\s\-–—.()（）]*\d)?[Xx]?/g;
/** Dates, times and amounts keep their digits: they are what a published answer is about. */
const DATE = /^\d{4}[-./年]\d{1,2}[-./月]\d{1,2}$/;

const fullWidthDigits = (text: string) =>
  text.replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));

export function maskPersonalDetails(text: string, writer: { name?: string | null } = {}): string {
  let out = fullWidthDigits(text).replace(EMAIL, MASK);
  out = out.replace(DIGIT_RUN, (run) => {
    const digits = run.replace(/\D/g, "");
    if (digits.length < 7 || DATE.test(run.trim())) return run;
    return MASK;
  });
  const name = writer.name?.trim();
  // One-character "names" would mask ordinary words; two or more is a name.
  if (name && [...name].length >= 2) out = out.split(name).join(MASK);
  return out;
}
