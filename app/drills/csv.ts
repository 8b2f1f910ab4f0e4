// CSV cells that a spreadsheet never reads as a formula: a cell starting with = + - @ (or a tab or
// carriage return) gets a leading apostrophe; quotes, commas and line breaks are quoted.
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return ''
  let text = String(value)
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export const csvLine = (values: (string | number | null | undefined)[]) => values.map(csvCell).join(',')
