// CSV of the desk's queue (RFC 4180: comma-separated, CRLF line ends, a field with a comma, quote
// or line break quoted and its quotes doubled). A cell a spreadsheet would read as a formula
// (starting with = + - @, or a tab or carriage return that some strip first) is prefixed with an
// apostrophe, as OWASP's "CSV Injection" advice has it, so opening the export runs nothing.

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  if (typeof value === 'string' && FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(cells: (string | number | boolean | null | undefined)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}
