// Digit conversion on its own, free of i18next, so pure modules (search folding) can use it.

/** Latin digits to Persian digits (for codes that are not numbers, such as a tracking code). */
export function toPersianDigits(s: string): string {
  return s.replace(/[0-9]/g, (d) => String.fromCharCode(0x06f0 + Number(d)));
}

/** Persian (۰-۹) and Arabic-Indic (٠-٩) digits to Latin: typed input is normalised before validation. */
export function toLatinDigits(s: string): string {
  return s
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660));
}
