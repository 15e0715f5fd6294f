/**
 * CSV as RFC 4180 writes it: CRLF line ends, and a field holding a comma, a double quote or a
 * line break is enclosed in double quotes with its own double quotes doubled. A few lines of
 * our own rather than a dependency: this is all the writing the exports need.
 */
export type CsvValue = string | number | boolean | null | undefined;

const NEEDS_QUOTES = /[",\r\n]/;

export function csvField(value: CsvValue): string {
  const text = value === null || value === undefined ? '' : String(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return [header, ...rows].map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}
