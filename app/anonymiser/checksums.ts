/** Checksums and validators for structured identifiers (no regexes that find them: see pii-patterns). */

export function digitsOf(value: string): string {
  return value.replace(/\D/g, '')
}

/** Luhn (mod 10) check used by payment cards and a few national numbers. */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false
  let sum = 0
  let double = false
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48
    if (double) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
    double = !double
  }
  return sum % 10 === 0
}

export function isCardNumber(value: string): boolean {
  const digits = digitsOf(value)
  if (digits.length < 13 || digits.length > 19) return false
  if (/^(\d)\1+$/.test(digits)) return false
  return luhnValid(digits)
}

/** Lengths of IBANs by country (ISO 13616 registry, the countries in everyday use). */
export const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BR: 29, BY: 28, CH: 21,
  CR: 22, CY: 28, CZ: 24, DE: 22, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18, FO: 18, FR: 27,
  GB: 22, GE: 22, GI: 23, GL: 18, GR: 27, GT: 28, HR: 21, HU: 28, IE: 22, IL: 23, IQ: 23, IS: 26,
  IT: 27, JO: 30, KW: 30, KZ: 20, LB: 28, LC: 32, LI: 21, LT: 20, LU: 20, LV: 21, MC: 27, MD: 24,
  ME: 22, MK: 19, MR: 27, MT: 31, MU: 30, NL: 18, NO: 15, PK: 24, PL: 28, PS: 29, PT: 25, QA: 29,
  RO: 24, RS: 22, SA: 24, SC: 31, SE: 24, SI: 19, SK: 24, SM: 27, ST: 25, SV: 28, TL: 23, TN: 24,
  TR: 26, UA: 29, VA: 22, VG: 24, XK: 20,
}

/** ISO 7064 mod-97-10 check of an IBAN (spaces allowed). */
export function ibanValid(value: string): boolean {
  const iban = value.replace(/\s+/g, '').toUpperCase()
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false
  const expected = IBAN_LENGTHS[iban.slice(0, 2)]
  if (expected !== undefined && iban.length !== expected) return false
  const rearranged = iban.slice(4) + iban.slice(0, 4)
  let remainder = 0
  for (const ch of rearranged) {
    const code = ch.charCodeAt(0)
    const chunk = code >= 65 ? String(code - 55) : ch
    for (const d of chunk) remainder = (remainder * 10 + (d.charCodeAt(0) - 48)) % 97
  }
  return remainder === 1
}

export function ipv4Valid(value: string): boolean {
  const parts = value.split('.')
  if (parts.length !== 4) return false
  // leading zeros (192.168.001.001) are unusual but people do write them
  return parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)
}

export function ipv6Valid(value: string): boolean {
  let text = value
  let groupsNeeded = 8
  // An embedded IPv4 tail (::ffff:192.0.2.1) counts for two groups.
  const v4 = /(\d{1,3}(?:\.\d{1,3}){3})$/.exec(text)
  if (v4) {
    if (!ipv4Valid(v4[1])) return false
    text = text.slice(0, -v4[1].length) + '0:0'
  }
  const doubleColons = text.split('::').length - 1
  if (doubleColons > 1) return false
  const isHexGroup = (g: string) => /^[0-9a-fA-F]{1,4}$/.test(g)
  if (doubleColons === 1) {
    const [head, tail] = text.split('::')
    const h = head ? head.split(':') : []
    const t = tail ? tail.split(':') : []
    if (![...h, ...t].every(isHexGroup)) return false
    return h.length + t.length < groupsNeeded
  }
  const groups = text.split(':')
  groupsNeeded = 8
  return groups.length === groupsNeeded && groups.every(isHexGroup)
}

/** US Social Security Number rules: no 000/666/9xx area, no 00 group, no 0000 serial. */
export function ssnValid(value: string): boolean {
  const d = digitsOf(value)
  if (d.length !== 9) return false
  const area = d.slice(0, 3)
  return area !== '000' && area !== '666' && area[0] !== '9' && d.slice(3, 5) !== '00' && d.slice(5) !== '0000'
}

/** NHS number: 10 digits, mod 11 check digit. */
export function nhsNumberValid(value: string): boolean {
  const d = digitsOf(value)
  if (d.length !== 10) return false
  let sum = 0
  for (let i = 0; i < 9; i++) sum += (d.charCodeAt(i) - 48) * (10 - i)
  const check = 11 - (sum % 11)
  const expected = check === 11 ? 0 : check
  return expected !== 10 && expected === d.charCodeAt(9) - 48
}
