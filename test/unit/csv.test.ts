import { describe, expect, it } from 'vitest'
import { csvCell, csvLine } from '~/http/csv'

describe('CSV cells', () => {
  it('neutralises cells a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`)
    expect(csvCell('+1+1')).toBe("'+1+1")
    expect(csvCell('-2+3')).toBe("'-2+3")
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)")
    expect(csvCell('\t=1')).toBe("'\t=1")
    expect(csvCell('\r=1')).toBe(`"'\r=1"`)
  })

  it('leaves ordinary text and numbers (negative ones too) as they are', () => {
    expect(csvLine(['Support', 'support', -4.3, 0, null, 'a, b'])).toBe('Support,support,-4.3,0,,"a, b"')
  })
})
