import { describe, expect, it } from 'vitest'
import { detect } from '~/anonymiser'
import { CITIES, TOWNS } from '~/anonymiser/gazetteer'

/** The text of every span found with the given label. */
function found(text: string, label: string): string[] {
  return detect(text)
    .filter((s) => s.label === label)
    .map((s) => text.slice(s.start, s.end))
}

describe('towns from the GeoNames list (issue #12)', () => {
  it('holds towns the older city lists lack, and none that are everyday words or given names', () => {
    for (const town of ['mieres', 'ieper', 'radebeul', 'lommel', 'dachau']) expect(TOWNS.has(town) && !CITIES.has(town)).toBe(true)
    for (const word of ['nice', 'split', 'mobile', 'reading', 'bath', 'florence', 'marion', 'same', 'most', 'bar']) expect(TOWNS.has(word)).toBe(false)
  })

  it('finds a town only the long list knows after a word that comes before a place, in several languages', () => {
    expect(found('Vivo en Mieres desde hace años.', 'place')).toEqual(['Mieres'])
    expect(found('Hij komt uit Ieper en werkt nu elders.', 'place')).toEqual(['Ieper'])
    expect(found('Das Paket liegt seit Montag in Lahr.', 'place')).toEqual(['Lahr'])
    expect(found('My parcel is stuck in Lommel since Monday.', 'place')).toEqual(['Lommel'])
  })

  it("knows other languages' names of big towns", () => {
    for (const name of ['londres', 'brüssel', 'den haag', 'mailand', 'la haya']) expect(TOWNS.has(name)).toBe(true)
    expect(found('Mi vuelo sale mañana hacia Londres.', 'place')).toEqual(['Londres'])
    expect(found('Wir ziehen nächstes Jahr nach Mailand um.', 'place')).toEqual(['Mailand'])
  })

  it('leaves the same word alone without such a word before it, or as the first word of a longer name', () => {
    expect(found('Lommel said the parcel was late.', 'place')).toEqual([])
    expect(found('My direct debit to Greenfield Leisure failed.', 'place')).toEqual([])
  })

  it('does not take a given name or an everyday word for a town after "from" or "in"', () => {
    expect(found('I got a reply from Florence yesterday.', 'place')).toEqual([])
    expect(found('It works in Most cases, they said.', 'place')).toEqual([])
  })

  it('reads the words before a comma and a date at the start of a line as a town (a dateline)', () => {
    expect(found('Londres, 23 may (EFECOM).', 'place')).toEqual(['Londres'])
    expect(found('Kløfta, 3. juni 2019\nHei alle sammen', 'place')).toEqual(['Kløfta'])
    expect(found('Algeciras (Cádiz), 23 may (EFE).', 'place')).toContain('Algeciras')
    expect(found('Nueva York, 23 may (EFE).', 'place')).toEqual(['Nueva York'])
    // a given name stays a person: "Maria, 23 May is fine"
    expect(found('Maria, 23 May is fine for the call.', 'place')).toEqual([])
  })

  it('a town the long list knows, read as a company, is a place; a country in lower case after "in" or "to" too', () => {
    expect(found('We are in Troutdale now.', 'organization')).toEqual([])
    expect(found('i have been to the one in australia and its awesome', 'place')).toEqual(['australia'])
    // an everyday word stays one ("made in china")
    expect(found('the plates were made in china', 'place')).toEqual([])
  })

  it("takes a country that is also a given name for a place after another language's word for 'in'", () => {
    expect(found('Han bor i Kina nå.', 'place')).toEqual(['Kina'])
    // a country in English prose is a place as well ("a roaming fee in Portugal")
    expect(found('Public holidays in Germany are listed below.', 'place')).toEqual(['Germany'])
  })

  it('a city of several words is that city wherever it stands, whole, even when a word of it is a given name', () => {
    const places = (text: string) => detect(text).map((s) => [s.label, text.slice(s.start, s.end)])
    expect(places('Buenos Aires is far')).toEqual([['place', 'Buenos Aires']])
    expect(places('phone: 011 4567-8910 (Buenos Aires)')).toEqual([
      ['phone', '011 4567-8910'],
      ['place', 'Buenos Aires'],
    ])
    expect(places('We flew from Kuala Lumpur to Rio de Janeiro')).toEqual([
      ['place', 'Kuala Lumpur'],
      ['place', 'Rio de Janeiro'],
    ])
  })
})
