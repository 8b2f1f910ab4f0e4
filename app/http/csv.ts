// CSV cells for every export. A text cell starting with =, +, -, @, a tab or a carriage return
// would be read as a formula by spreadsheet programs (CSV injection); it gets a leading apostrophe,
// which they show as plain text. Numbers are written as numbers.
const FORMULA_START = /^[=+\-@\t\r]/

export function csvCell(value: string | number | null | undefined) {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number') return String(Math.round(value * 10) / 10)
  const text = FORMULA_START.test(value) ? `'${value}` : value
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export const csvLine = (values: (string | number | null | undefined)[]) => values.map(csvCell).join(',')
