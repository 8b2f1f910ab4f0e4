import { describe, expect, it } from 'vitest'
import { anonymise, detect, type PiiLabel } from '~/anonymiser'

function found(text: string): Array<{ label: PiiLabel; value: string }> {
  return detect(text).map((s) => ({ label: s.label, value: text.slice(s.start, s.end) }))
}

function labelsOf(text: string, label: PiiLabel): string[] {
  return found(text)
    .filter((f) => f.label === label)
    .map((f) => f.value)
}

describe('postal addresses outside the UK and the US, part by part', () => {
  it('a Polish address: street with number and flat, postcode, town', () => {
    const text = 'Proszę wysłać na adres:\nul. Marszałkowska 5/7 m. 3\n00-624 Warszawa\nPolska'
    expect(found(text)).toEqual(
      expect.arrayContaining([
        { label: 'address', value: 'ul. Marszałkowska 5/7 m. 3' },
        { label: 'postcode', value: '00-624' },
        { label: 'place', value: 'Warszawa' },
      ]),
    )
  })

  it('a Turkish address: street words abbreviated, the number after "No:" and the flat after "Daire" or "Kat:"', () => {
    expect(labelsOf('Atatürk Cad. No: 45 Daire 3\n34710 Kadıköy/İstanbul', 'address')).toEqual(['Atatürk Cad. No: 45 Daire 3'])
    expect(labelsOf('Adres: Bağdat Caddesi No:12 Kat:3, Kadıköy, İstanbul', 'address')).toEqual(['Bağdat Caddesi No:12 Kat:3'])
    expect(labelsOf('Şair Nefi Sok. No: 5, 34710 Kadıköy', 'address')).toEqual(['Şair Nefi Sok. No: 5'])
  })

  it('a German block with a floor line and a country-prefixed postcode', () => {
    const text = 'Lieferadresse:\nHauptstraße 12\n3. OG links\nD-10115 Berlin\nDeutschland'
    expect(labelsOf(text, 'address')).toEqual(['Hauptstraße 12', '3. OG links'])
    expect(labelsOf(text, 'postcode')).toEqual(['D-10115'])
    expect(labelsOf(text, 'place')).toContain('Berlin')
  })

  it('a town beside its postcode though its name is also its province\'s, with the province\'s code after it', () => {
    const text = 'Via Roma 12\nInt. 4\n20121 Milano MI\nItalia'
    expect(found(text)).toEqual([
      { label: 'address', value: 'Via Roma 12' },
      { label: 'address', value: 'Int. 4' },
      { label: 'postcode', value: '20121' },
      { label: 'place', value: 'Milano' },
      { label: 'place', value: 'MI' },
      { label: 'place', value: 'Italia' },
    ])
    expect(labelsOf('Av. Paulista 1000\n01310-100 São Paulo SP', 'place')).toEqual(['São Paulo', 'SP'])
  })

  it('one line of comma-separated parts: Portuguese, French, Dutch, Hungarian, Latvian', () => {
    expect(found('Morada: Rua Augusta 123, 2º Esq, 1100-053 Lisboa')).toEqual([
      { label: 'address', value: 'Rua Augusta 123, 2º Esq' },
      { label: 'postcode', value: '1100-053' },
      { label: 'place', value: 'Lisboa' },
    ])
    expect(found('Adresse : 12 rue de la Paix, F-75002 Paris')).toEqual([
      { label: 'address', value: '12 rue de la Paix' },
      { label: 'postcode', value: 'F-75002' },
      { label: 'place', value: 'Paris' },
    ])
    expect(labelsOf('Address: Keizersgracht 221, NL 1016 DV Amsterdam', 'postcode')).toEqual(['NL 1016 DV'])
    expect(labelsOf('Váci utca 12, 1052 Budapest', 'address')).toEqual(['Váci utca 12'])
    expect(labelsOf('Brīvības iela 55\nRīga\nLV-1010\nLatvia', 'postcode')).toEqual(['LV-1010'])
  })

  it('an address at the end of a sentence, after words that are not part of it', () => {
    expect(found('Proszę o dostawę na ul. Marszałkowska 5/7 m. 3, 00-624 Warszawa.')).toEqual([
      { label: 'address', value: 'ul. Marszałkowska 5/7 m. 3' },
      { label: 'postcode', value: '00-624' },
      { label: 'place', value: 'Warszawa' },
    ])
    expect(labelsOf('Asun osoitteessa Mannerheimintie 12 B 5, 00100 Helsinki', 'address')).toEqual(['Mannerheimintie 12 B 5'])
    expect(labelsOf('Calle de Alcalá 45\n28014 Madrid', 'address')).toEqual(['Calle de Alcalá 45'])
  })

  it('Greek and Swedish postcodes with a space, a Spanish street with its number after a comma', () => {
    expect(labelsOf('Odos Ermou 56\n105 63 Athens\nGreece', 'postcode')).toEqual(['105 63'])
    expect(labelsOf('Storgatan 12\n114 51 Stockholm', 'postcode')).toEqual(['114 51'])
    expect(labelsOf('Calle Mayor, 5, 3º izq, 28013 Madrid', 'address')).toEqual(['Calle Mayor, 5, 3º izq'])
  })

  it('a street with no number in a block that is surely an address', () => {
    expect(labelsOf('Ship to\nRua Rio de Janeiro\nCentro\nBelo Horizonte - MG\n30170-011\nBrazil', 'postcode')).toEqual(['30170-011'])
    expect(labelsOf('Ship to\nRua Rio de Janeiro\nCentro\nBelo Horizonte - MG\n30170-011\nBrazil', 'address')).toEqual(['Rua Rio de Janeiro'])
  })

  it('Japanese and Chinese addresses, and the 〒 postcode', () => {
    expect(found('〒100-0005 東京都千代田区丸の内1-9-1')).toEqual([
      { label: 'postcode', value: '100-0005' },
      { label: 'address', value: '東京都千代田区丸の内1-9-1' },
    ])
    expect(labelsOf('送到上海市浦东新区陆家嘴西路99号，谢谢', 'address')).toEqual(['上海市浦东新区陆家嘴西路99号'])
  })

  it('a flat or floor after the street, in capitals or not, is the address too: one span with its street', () => {
    expect(labelsOf('I live at Weddigenstr. 61b Apt. 186.', 'address')).toEqual(['Weddigenstr. 61b Apt. 186'])
    expect(labelsOf('I live at Elisenstr. 42b Zimmer 280.', 'address')).toEqual(['Elisenstr. 42b Zimmer 280'])
    expect(labelsOf('Ship it to Engvej 3, 3. tv, please', 'address')).toEqual(['Engvej 3, 3. tv'])
    expect(labelsOf('Hazeslaan 8 3 hoog', 'address')).toEqual(['Hazeslaan 8 3 hoog'])
    expect(labelsOf('Via Catanzaro 7, Piano 9', 'address')).toEqual(['Via Catanzaro 7, Piano 9'])
    expect(labelsOf('Address: 83251 Rua Carvalho Apto. 877', 'address')).toEqual(['83251 Rua Carvalho Apto. 877'])
    expect(anonymise('Mosevej 361, 4. tv').text).toBe('[address]')
  })

  it('flats and floors on their own line in Polish, Dutch, Hungarian, Norwegian and Portuguese blocks; a US ZIP+4 and a Dutch postcode alone on a line', () => {
    expect(labelsOf('Address:\nszosa Kasprzak 31\nm. 447\nSuwałki\n47-868', 'address')).toEqual(['szosa Kasprzak 31', 'm. 447'])
    expect(labelsOf('Address:\nTimmermansgracht 789 II\n1 hoog\n8716 EK Godlinze', 'address')).toEqual(['Timmermansgracht 789 II', '1 hoog'])
    expect(labelsOf('Address:\nMarcell sétány 703\n3.em 24 ajtó\nVillánykövesd\n8481', 'address')).toEqual(['Marcell sétány 703', '3.em 24 ajtó'])
    expect(labelsOf('Address:\nThomasgata 3\nOppgang A\nInnås\n0481', 'address')).toEqual(['Thomasgata 3', 'Oppgang A'])
    expect(labelsOf('Address:\nAlameda Mateus Barros 6125\nR/C\nSão Mamede de Infesta\n0579-218', 'address')).toEqual(['Alameda Mateus Barros 6125', 'R/C'])
    expect(labelsOf('Address:\n2028 Amy Crescent\nApt. 564\nWest Vernieburgh\nAlabama\n94786-8022', 'postcode')).toEqual(['94786-8022'])
    expect(labelsOf('Address:\nVeenstragracht 34\n3 hoog\nBultingedorp\nGelderland\n3144 SH', 'postcode')).toEqual(['3144 SH'])
    expect(labelsOf('Dirección: Calle Mayor s/n, 28013 Madrid', 'address')).toEqual(['Calle Mayor s/n'])
    // the street ends at its line's end: the floor below is its own part
    expect(labelsOf('Address:\n775 Boulevard Saint-Honoré\n7 étage\nSaint-Étienne\n05824', 'address')).toEqual(['775 Boulevard Saint-Honoré', '7 étage'])
  })

  it('the line after the postcode and town closes the block as its country, in a language the lists lack; a closing word does not', () => {
    expect(labelsOf('Ship to:\nMilík Lakatoš\nRadvanická 57\n91744 Podivín\nMakedonie', 'place')).toEqual(['Podivín', 'Makedonie'])
    expect(labelsOf('Ship to:\nBatuk Özkara\nKaldırım Sokak 346\n83029 Çankırı\nKanarya Adaları', 'place')).toEqual(['Çankırı', 'Kanarya Adaları'])
    expect(labelsOf('Hauptstr. 5\n10115 Berlin\nThanks a lot', 'place')).toEqual(['Berlin'])
  })

  it('US street suffixes of the longer list, written as a name\'s: "Horacio Groves", "Hagenes Landing"', () => {
    expect(labelsOf('Ship to:\nMarcelo Doyle\n5387 Horacio Groves\n34749-1744 Abdielland', 'address')).toEqual(['5387 Horacio Groves'])
    expect(labelsOf('I live at 3998 Hagenes Landing, Springfield', 'address')).toEqual(['3998 Hagenes Landing'])
    expect(found('we had 3 hard landing attempts')).toEqual([])
  })

  it('Japanese block, lot and house numbers without their town, with a flat; a town or ward named alone', () => {
    expect(labelsOf('I live at 9丁目7番6号 亀井867号室.', 'address')).toEqual(['9丁目7番6号 亀井867号室'])
    expect(labelsOf('東京都港区芝公園1丁目2番3号 パレス芝公園123', 'address')).toEqual(['東京都港区芝公園1丁目2番3号 パレス芝公園123'])
    expect(labelsOf('City: 東長沢市', 'place')).toEqual(['東長沢市'])
    expect(labelsOf('横浜市に住んでいます', 'place')).toEqual(['横浜市'])
    expect(found('大都市に住んでいます')).toEqual([])
  })

  it('an Australian town with its state code, and a Dublin postal district', () => {
    expect(found('Unit 6, 44 Beach Road\nBondi NSW 2026').filter((f) => f.label !== 'address')).toEqual([
      { label: 'place', value: 'Bondi' },
      { label: 'place', value: 'NSW' },
      { label: 'postcode', value: '2026' },
    ])
    expect(labelsOf('88 Baggot Street\nDublin 2\nD02 Y754', 'place')).toEqual(['Dublin 2'])
  })

  it('the lines below the street: district, town with its region code, region and country', () => {
    expect(found('Avenida Paulista 1578, apto 92\nBela Vista\nSão Paulo - SP\n01310-200\nBrasil')).toEqual([
      { label: 'address', value: 'Avenida Paulista 1578, apto 92' },
      { label: 'place', value: 'Bela Vista' },
      { label: 'place', value: 'São Paulo' },
      { label: 'place', value: 'SP' },
      { label: 'postcode', value: '01310-200' },
      { label: 'place', value: 'Brasil' },
    ])
    expect(labelsOf('ul. Marszałkowska 84/92 m. 15\n00-514 Warszawa\nmazowieckie\nPolska', 'place')).toEqual(['Warszawa', 'mazowieckie', 'Polska'])
    expect(labelsOf('Keizersgracht 221\n1016 DV Amsterdam\nthe Netherlands', 'place')).toEqual(['Amsterdam', 'Netherlands'])
  })

  it('a Japanese address in Latin letters: block, lot and house numbers, ward, town and postcode', () => {
    expect(found('3-12-5 Shibuya\nShibuya-ku, Tokyo 150-0002\nJapan')).toEqual([
      { label: 'address', value: '3-12-5 Shibuya' },
      { label: 'place', value: 'Shibuya-ku' },
      { label: 'place', value: 'Tokyo' },
      { label: 'postcode', value: '150-0002' },
      { label: 'place', value: 'Japan' },
    ])
  })

  it('a flat and its street on two lines stay two parts, and the line break survives', () => {
    const text = 'Flat 4B\n27 Harcourt Road\nAdmiralty\nHong Kong'
    expect(labelsOf(text, 'address')).toEqual(['Flat 4B', '27 Harcourt Road'])
    expect(anonymise(text).text.split('\n')).toHaveLength(4)
  })

  it('what closes a message after an address is not a place: a thank-you, a signature', () => {
    expect(labelsOf('Hauptstraße 12\n10115 Berlin\nMerci !', 'place')).toEqual(['Berlin'])
    expect(found('Rua Augusta 274\n1100-053 Lisboa\nObrigado').map((f) => f.value)).not.toContain('Obrigado')
  })

  it('keeps field labels, line breaks and punctuation; replaces each part whole', () => {
    const text = 'Adresse :\nHauptstraße 12,\nD-10115 Berlin.\nMerci !'
    const out = anonymise(text).text
    expect(out.split('\n')).toHaveLength(4)
    expect(out.startsWith('Adresse :\n')).toBe(true)
    expect(out).not.toMatch(/Hauptstraße|10115|Berlin/)
    expect(out.endsWith(',\n' + out.split('\n')[2].replace(/\.$/, '') + '.\nMerci !')).toBe(true)
  })
})

describe('postcodes by their label or their town', () => {
  it('a postcode before a known town, or after its label, whatever a phone or a reference would read', () => {
    expect(labelsOf('The package went to 10115 Berlin', 'postcode')).toEqual(['10115'])
    expect(labelsOf('Zip: 02139-4307', 'postcode')).toEqual(['02139-4307'])
    expect(found('Postleitzahl 10115')).toEqual([{ label: 'postcode', value: '10115' }])
  })

  it('after its label, a postcode in the shapes of Brazil, Portugal, Czechia, Greece and Sweden', () => {
    expect(labelsOf('the zip is 26727-366', 'postcode')).toEqual(['26727-366'])
    expect(labelsOf('Postcode 588 31', 'postcode')).toEqual(['588 31'])
    expect(labelsOf('ZIP: 454 01', 'postcode')).toEqual(['454 01'])
    expect(labelsOf('Postcode: 1100-053', 'postcode')).toEqual(['1100-053'])
  })

  it('an amount before its currency is no postcode, and the currency no town', () => {
    expect(found('I paid 20000 Euro')).toEqual([])
  })
})

describe('logins made of names', () => {
  it('a capitalised name with digits, or two names joined by a dot or an underscore, is a username', () => {
    for (const login of ['Doreen55', 'Peter22', 'Shelley.Kihn10', 'Theodora.Dicki', 'Maria_Lopez']) expect(labelsOf(`details: ${login} ok`, 'username')).toEqual([login])
    expect(labelsOf('See Section3 and read it. Thanks.Bye now', 'username')).toEqual([])
    expect(labelsOf('The login for the portal is mkowalski', 'username')).toEqual(['mkowalski'])
  })
})

describe('US addresses: the town before the state, and military mail', () => {
  it('the words between the street and "NV 23245" are the town, even when they read like a name', () => {
    const text = 'I live at 8419 Hernandez Mountains Apt. 183, Lake Jessica, NV 23245'
    // the state's code after the town is a place of its own
    expect(labelsOf(text, 'place')).toEqual(['Lake Jessica', 'NV'])
    expect(labelsOf(text, 'name')).toEqual([])
    expect(labelsOf('8419 Hernandez Mountains\nNorth Kevin, TX 23245', 'place')).toContain('North Kevin')
  })

  it('a unit, a post box or a ship, then the military post office with its ZIP', () => {
    expect(found('Ship it to PSC 4115, Box 7815, APO AA 41945 please.')).toEqual([
      { label: 'address', value: 'PSC 4115, Box 7815' },
      { label: 'postcode', value: 'APO AA 41945' },
    ])
    expect(found('USNS Miller\nFPO AP 05286')).toEqual([
      { label: 'address', value: 'USNS Miller' },
      { label: 'postcode', value: 'FPO AP 05286' },
    ])
  })

  it('a French house number before the comma belongs to its street', () => {
    expect(labelsOf('Address: 12, rue de la Paix, 75002 Paris', 'address')).toEqual(['12, rue de la Paix'])
  })
})

describe('streets without a house number or an English street word', () => {
  it('a one-line address after a cue, with no digit at all: the street word makes the street', () => {
    expect(labelsOf('I live at Hotel Marisol, Harbour Road, Kingstown, Saint Vincent now.', 'address')).toEqual(['Harbour Road'])
    expect(labelsOf('Please deliver to Casa Verde, Avenida Central, San José', 'address')).toEqual(['Avenida Central'])
  })

  it('a sentence with a cue but no street word is left alone', () => {
    expect(labelsOf('I moved to Lisbon with my sister last spring.', 'address')).toEqual([])
  })

  it('Arabic streets: the street word opens the name, with or without a number', () => {
    expect(labelsOf('My address is Dar Salam, شارع الحرية, Ramallah', 'address')).toEqual(['شارع الحرية'])
    expect(labelsOf('Address:\nشارع الجامعة 14\nعمان', 'address')).toEqual(['شارع الجامعة 14'])
    expect(labelsOf('Please deliver to مكتبة النور, شارع الملك فيصل, Amman', 'address')).toEqual(['شارع الملك فيصل'])
  })

  it('a shop or building line between the cue and a street with no number', () => {
    const text = "Ship to\nRosa's bakery\nLilac Close\nMarigot\nSaint Martin"
    expect(labelsOf(text, 'address')).toEqual(['Lilac Close'])
  })

  it('a street name of several particles or many words, with no number', () => {
    expect(labelsOf('Please deliver to Hotel Sol, Rue de la Liberté, Dakar, Senegal', 'address')).toEqual(['Rue de la Liberté'])
    expect(labelsOf('Please send it to Casa Nova, Via dei Mille, Torino', 'address')).toEqual(['Via dei Mille'])
  })

  it('a postcode, a town and its province code ("50123 Firenze FI"), and a town named "City of …"', () => {
    const text = 'Address: Via dei Servi 12, 50122 Firenze FI, Italia'
    expect(labelsOf(text, 'postcode')).toEqual(['50122'])
    // the town, with or without its province's code: both are places
    expect(labelsOf(text, 'place').some((p) => p.startsWith('Firenze'))).toBe(true)
    expect(labelsOf('Ship to\nVia Roma 3\n47890 City of Valletta', 'address')).toEqual(['Via Roma 3'])
  })

  it('Turkish street words', () => {
    expect(labelsOf('Adres: Cumhuriyet Caddesi 45, 06420 Ankara', 'address')).toEqual(['Cumhuriyet Caddesi 45'])
  })
})

describe('phone numbers in national formats', () => {
  it('a sum of money with its currency is no phone number', () => {
    expect(labelsOf('It costs 1 234 567 HUF and the deposit was 12 500 € last year', 'phone')).toEqual([])
    expect(labelsOf('call 06 12 34 56 78 please', 'phone')).toEqual(['06 12 34 56 78'])
  })

  it('grouped by dots or spaces, without +country, checked against the countries the text points at', () => {
    expect(labelsOf('Ich wohne in Österreich, Handy: 0664 1234567', 'phone')).toEqual(['0664 1234567'])
    expect(labelsOf('Tel: 06.12.34.56.78', 'phone')).toEqual(['06.12.34.56.78'])
    expect(labelsOf('ring me on 041.2345678 after six', 'phone')).toEqual(['041.2345678'])
  })

  it('a dotted number asked for as a phone is a phone, not an IP address', () => {
    expect(found('my number is 79.56.12.34')).toEqual([{ label: 'phone', value: '79.56.12.34' }])
    expect(found('the server is at 79.56.12.34')).toEqual([{ label: 'ip_address', value: '79.56.12.34' }])
  })

  it('five or six digits of a small country, only when asked for as a phone', () => {
    expect(labelsOf('Ring me on 23 456 any time', 'phone')).toEqual(['23 456'])
    expect(labelsOf('call me on 45678 tonight', 'phone')).toEqual(['45678'])
    expect(labelsOf('Room 40123 is booked', 'phone')).toEqual([])
    expect(labelsOf('555.1234 is my mobile', 'phone')).toEqual(['555.1234'])
    expect(found('It costs 12.345 now')).toEqual([])
  })

  it('a grouped +country number the numbering plan no longer knows, asked for as a phone ("+52 1 55 …")', () => {
    expect(found('WhatsApp +52 1 55 1234 5678')).toEqual([{ label: 'phone', value: '+52 1 55 1234 5678' }])
  })

  it('a phone field\'s number is a phone wherever its plan puts it, undivided or grouped; another field\'s is not', () => {
    expect(labelsOf('Phone: 35519798', 'phone')).toEqual(['35519798'])
    expect(labelsOf('Phone: 6709 8211', 'phone')).toEqual(['6709 8211'])
    expect(labelsOf('Tel.: (10) 33283-2518', 'phone')).toEqual(['(10) 33283-2518'])
    expect(labelsOf('Mobile number: 18211354261', 'phone')).toEqual(['18211354261'])
    expect(labelsOf('Order: 35519798', 'phone')).toEqual([])
  })

  it('an amount with a decimal point stays', () => {
    expect(found('The total is 1234.5678 units')).toEqual([])
  })
})

describe('dates in many languages and formats', () => {
  const cases: Array<[string, string]> = [
    ['Geliefert am 14. März 2024.', '14. März 2024'],
    ['Llegó el 14 de marzo de 2024', '14 de marzo de 2024'],
    ['届いたのは2024年3月14日木曜日です', '2024年3月14日木曜日'],
    ['Termín: sobota 12. května 2018', 'sobota 12. května 2018'],
    ['Data: 2024 m. kovo 14 d., ketvirtadienis', '2024 m. kovo 14 d., ketvirtadienis'],
    ['Dátum: 2024. március 14.', '2024. március 14.'],
    ['Datums: 2024. gada 14. marts', '2024. gada 14. marts'],
    ['예약일 2024년 3월 14일 목요일', '2024년 3월 14일 목요일'],
    ['Je to 14. 3. 2024', '14. 3. 2024'],
    ['Ήρθε στις Σάββατο 5 Νοεμβρίου 2022', 'Σάββατο 5 Νοεμβρίου 2022'],
    ['Доставка: неделя, 12 март 2017 г.', 'неделя, 12 март 2017 г.'],
    ['Arribada divendres, 9 d’octubre del 2015', 'divendres, 9 d’octubre del 2015'],
    ['See you Tuesday, March 3rd', 'Tuesday, March 3rd'],
    ['Delivered on 20.09.23.', '20.09.23'],
    ['Контракт с Сентябрь 2012 года', 'Сентябрь 2012'],
    ['Abonament od kwiecień 2019', 'kwiecień 2019'],
    ['Member since sep-2012', 'sep-2012'],
    ['Card expires 04/2026, thanks', '04/2026'],
    ['Logged in at 06/Nov/2023 from home', '06/Nov/2023'],
    ['Pagato agosto 10, 2012 con carta', 'agosto 10, 2012'],
    ['Bezorgd op 24ste oktober', '24ste oktober'],
  ]
  for (const [text, date] of cases) {
    it(date, () => {
      expect(labelsOf(text, 'date')).toEqual([date])
    })
  }

  it('version numbers and ordinary words next to numbers are no dates', () => {
    expect(found('Version 10.11.12 installed; iOS 17.4.1 too')).toEqual([])
    expect(found('I got 5 out of 10 and 3 set of keys, 2 days ago')).toEqual([])
    expect(found('I set 2012 as the target and scored 13/2016')).toEqual([])
  })
})

describe('national identifiers named in other languages', () => {
  it('the name of the identifier before the value', () => {
    expect(labelsOf('Mój PESEL: 44051401359', 'national_id')).toEqual(['44051401359'])
    expect(labelsOf('kennitala: 120174-3399', 'national_id')).toEqual(['120174-3399'])
    expect(labelsOf('Here is my RUT — 12.345.678-5', 'national_id')).toEqual(['12.345.678-5'])
  })

  it('a cued identifier wins over a card number its digits happen to pass', () => {
    expect(found('Personal ID number 3100400648338')).toEqual([{ label: 'national_id', value: '3100400648338' }])
  })

  it('Italian codice fiscale and Mexican CURP by their structure', () => {
    expect(labelsOf('CF RSSMRA85T10A562S per la fattura', 'national_id')).toEqual(['RSSMRA85T10A562S'])
    expect(labelsOf('mi CURP es GODE561231HDFRRN09', 'national_id')).toEqual(['GODE561231HDFRRN09'])
  })
})
