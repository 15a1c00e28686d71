// CSV for the attendance sheet (RFC 4180), escaped against formula injection: a cell that
// starts with = + - @, a tab or a carriage return gets a leading apostrophe, so spreadsheet
// apps show it as text instead of running it. Pure: no Convex imports.

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (typeof value === "string" && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: (string | number | boolean | null | undefined)[]): string {
  return cells.map(csvCell).join(",");
}
