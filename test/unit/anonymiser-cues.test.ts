import { describe, expect, it } from 'vitest'
import { anonymise, detect } from '~/anonymiser'
import { isCommonWord } from '~/anonymiser/gazetteer'

function found(text: string): Array<[string, string]> {
  return detect(text).map((s) => [s.label, text.slice(s.start, s.end)])
}

/** The text of every span found with the given label. */
function foundAs(text: string, label: string): string[] {
  return found(text)
    .filter(([kind]) => kind === label)
    .map(([, value]) => value)
}

describe('a form field says what its value is', () => {
  it('the parts of a name, in English and other languages, and never the field label itself', () => {
    expect(found('Surname: Häkkinen\nGiven name: Aatu')).toEqual([
      ['name', 'Häkkinen'],
      ['name', 'Aatu'],
    ])
    expect(found('Nachname: Oberhauser\nVorname: Wendelin')).toEqual([
      ['name', 'Oberhauser'],
      ['name', 'Wendelin'],
    ])
    expect(found('Cardholder: TOMASZ ZIELIŃSKI')).toEqual([['name', 'TOMASZ ZIELIŃSKI']])
  })

  it('a person field with a town after a comma holds a name and a place; a surname and given name stay one name', () => {
    expect(found('Contact: Sipho Dlamini, Johannesburg')).toEqual([
      ['name', 'Sipho Dlamini'],
      ['place', 'Johannesburg'],
    ])
    expect(found('Contact: Maria Lopez, Paris')).toEqual([
      ['name', 'Maria Lopez'],
      ['place', 'Paris'],
    ])
    expect(found('Contact: Dlamini, Sipho')).toEqual([['name', 'Dlamini, Sipho']])
  })

  it('a country or a region field holds a place', () => {
    expect(found('Country: Finland\nRegion: Uusimaa')).toEqual([
      ['place', 'Finland'],
      ['place', 'Uusimaa'],
    ])
  })

  it("under a signer, the employer after a job title is one organisation and the title nobody's name", () => {
    expect(found('Best regards,\nBruce Wolff\nHuman Division Orchestrator, Zieme, Mraz and Brekke\nMobile: (781) 406-2554')).toEqual([
      ['name', 'Bruce Wolff'],
      ['organization', 'Zieme, Mraz and Brekke'],
      ['phone', '(781) 406-2554'],
    ])
    expect(found('National Usability Executive, Wilson and Sons')).toEqual([['organization', 'Wilson and Sons']])
    // a town after a job is where they work
    expect(found('Sales Manager, Berlin')).toEqual([['place', 'Berlin']])
  })

  it("the cells of a ticket's row are fields, and who raised it is a person, never the label", () => {
    expect(found('Ticket #87469 | Requester: Theo Etzebeth | Phone: 024 545 57764 | City: Durban')).toEqual([
      ['account_number', '87469'],
      ['name', 'Theo Etzebeth'],
      ['phone', '024 545 57764'],
      ['place', 'Durban'],
    ])
    expect(found('Reported by: Hans Pallesen\tCity: Otterup')).toEqual([
      ['name', 'Hans Pallesen'],
      ['place', 'Otterup'],
    ])
  })

  it('a field in a script without capitals holds its value', () => {
    expect(found('City: भक्तपुर\nCity: თაყასოფელი')).toEqual([
      ['place', 'भक्तपुर'],
      ['place', 'თაყასოფელი'],
    ])
  })

  it('a record written as code: its quoted values by their keys, and the keys are nobody\'s login', () => {
    expect(found('customer_name="Loa Moors" city="Jistrum" phone="(0802) 199375"')).toEqual([
      ['name', 'Loa Moors'],
      ['place', 'Jistrum'],
      ['phone', '(0802) 199375'],
    ])
    expect(found('{"first_name": "Loa", "shipping_city": "Jistrum", "company_name": "Hartley Brothers"}')).toEqual([
      ['name', 'Loa'],
      ['place', 'Jistrum'],
      ['organization', 'Hartley Brothers'],
    ])
    // a key that only ends in "name" says nothing of a person
    expect(found('{"product_name": "Galaxy Buds", "status": "Shipped"}')).toEqual([])
    // "john_doe:" opening a chat line is a speaker's handle, not a key
    expect(foundAs('john_doe: hi, my parcel is late', 'username')).toEqual(['john_doe'])
  })

  it('a speaker label that is also a field name keeps ordinary replies as they are', () => {
    expect(found('Customer: Thanks\nAgent: You are welcome')).toEqual([])
    expect(found('Customer: Hello there\nAgent: Hi, how can I help?')).toEqual([])
  })
})

describe('the answer to a question about a name is a name', () => {
  it('on the next speaker line, even when the words alone look like a place', () => {
    expect(found('Agent: Could I have your surname please?\nCustomer: Fjeldstad')).toEqual([['name', 'Fjeldstad']])
    expect(found("Agent: Whose name is the booking under?\nCustomer: It's under Kowalska")).toEqual([['name', 'Kowalska']])
  })

  it('on the same line after the question, or alone on the next line', () => {
    expect(found('Who am I speaking with? Radka Nováková')).toEqual([['name', 'Radka Nováková']])
    expect(found("What's your family name?\nSkarsgård")).toEqual([['name', 'Skarsgård']])
  })

  it('an answer that is not a name stays', () => {
    expect(found('Agent: Is the name on the account correct?\nCustomer: Yes, thanks')).toEqual([])
    expect(found('Agent: What name should I put on the card?\nCustomer: I will check with my wife')).toEqual([])
  })
})

describe('several surnames in a list are several people', () => {
  it('each surname of a list of three or more is a name, not one organisation', () => {
    expect(found('Kowalczyk, Nowak and Wiśniewska founded the firm.')).toEqual([
      ['name', 'Kowalczyk'],
      ['name', 'Nowak'],
      ['name', 'Wiśniewska'],
    ])
    expect(found('I had calls with Lindholm, Jansen, Okafor and Petrov this week.').map(([label]) => label)).toEqual(['name', 'name', 'name', 'name'])
  })

  it('three surnames named as a firm after "at", "for" or "from" are one organisation', () => {
    expect(found('The invoice from Smith, Johnson and Brown is wrong.')).toEqual([['organization', 'Smith, Johnson and Brown']])
  })

  it('two surnames joined by a hyphen are a person, or a firm after "for" or "at"', () => {
    expect(foundAs('Please ask Ms Kowalska-Nowak to call.', 'name')).toEqual(['Kowalska-Nowak'])
    expect(foundAs('I work for Kowalski-Nowak in sales.', 'organization')).toEqual(['Kowalski-Nowak'])
    expect(found('A Coca-Cola in Baden-Baden, please.').filter(([label]) => label === 'name')).toEqual([])
  })

  it('a company is replaced whole: a name with its legal form, two names joined by "&"', () => {
    expect(found('Rossi SpA sent me a letter')).toEqual([['organization', 'Rossi SpA']])
    expect(found('Müller & Söhne shipped it late.')).toEqual([['organization', 'Müller & Söhne']])
    expect(found('Kowalski & Nowak sent the bill')).toEqual([['organization', 'Kowalski & Nowak']])
  })

  it('a trade or company word before surnames, legal forms of several words, and firms joined by "et" or "e"', () => {
    expect(found('Compré en Industrias Ramírez')).toEqual([['organization', 'Industrias Ramírez']])
    expect(found('Firma Nowak sp. z o.o. wysłała fakturę')).toEqual([['organization', 'Firma Nowak sp. z o.o.']])
    expect(found('Invoice from Becker GmbH & Co. KG.')).toEqual([['organization', 'Becker GmbH & Co. KG']])
    expect(found('I bought it from Lefebvre et Martin.')).toEqual([['organization', 'Lefebvre et Martin']])
    expect(found('Pagamento a Conti e figli')).toEqual([['organization', 'Conti e figli']])
  })

  it('three surnames on a line of their own beside a phone or an e-mail are a firm; the same names in a sentence are people', () => {
    expect(found('Burdette Murray\nTurcotte, Christiansen and Kreiger\n439-959-8316')).toEqual([
      ['name', 'Burdette Murray'],
      ['organization', 'Turcotte, Christiansen and Kreiger'],
      ['phone', '439-959-8316'],
    ])
    expect(foundAs('Attendees:\nLindholm, Jansen and Okafor\nsee you there', 'name')).toEqual(['Lindholm', 'Jansen', 'Okafor'])
    // after "at" or "from", surnames that are also towns or everyday words still make a firm; a town and its district do not
    expect(found('I work at Hall, Martin and Goldner.')).toEqual([['organization', 'Hall, Martin and Goldner']])
    expect(found('I work at Casper - Tillman.')).toEqual([['organization', 'Casper - Tillman']])
    expect(found('I moved from Berlin - Mitte').filter(([label]) => label === 'organization')).toEqual([])
    expect(found('I flew from Lyon, Marseille and Toulouse').map(([label]) => label)).toEqual(['place', 'place', 'place'])
  })

  it('a list of towns stays a list of places', () => {
    expect(found('We deliver to Lyon, Marseille and Toulouse.').map(([label]) => label)).toEqual(['place', 'place', 'place'])
  })
})

describe('a company or an institution named by its own word', () => {
  it('capitalised words before a company word, without the sentence\'s "The"', () => {
    expect(found('The Halvorsen Foundation funded the project.')).toEqual([['organization', 'Halvorsen Foundation']])
    expect(found('She studied at the University of Tartu.')).toEqual([['organization', 'University of Tartu']])
  })

  it('capitalised words closed by a legal form are one company, whole, wherever it stands', () => {
    expect(found('Sales Manager\nHoshino Trading Co., Ltd.')).toEqual([['organization', 'Hoshino Trading Co., Ltd.']])
    expect(found('Nakamura Trading Co.')).toEqual([['organization', 'Nakamura Trading Co.']])
    expect(found('I bought it from Acme, Inc. last year')).toEqual([['organization', 'Acme, Inc.']])
    expect(found('Jensen Holdings AB')).toEqual([['organization', 'Jensen Holdings AB']])
    expect(found('Farkas és Társa Kft.')).toEqual([['organization', 'Farkas és Társa Kft.']])
    expect(found('Rossi SpA')).toEqual([['organization', 'Rossi SpA']])
    expect(found('Banco do Brasil S.A.')).toEqual([['organization', 'Banco do Brasil S.A.']])
  })

  it('legal forms written with their dots and lower case close a company of several names, wherever it stands', () => {
    expect(found('Holec a.s. sent me the invoice.')).toEqual([['organization', 'Holec a.s.']])
    expect(found('Company: Šeda a Zezula s.r.o.')).toEqual([['organization', 'Šeda a Zezula s.r.o.']])
    expect(found('a colleague from Lo Piccolo, Mele e Trombetta s.r.l. said so')).toEqual([['organization', 'Lo Piccolo, Mele e Trombetta s.r.l.']])
    expect(found('Vergara Villegas Ayala Pedroza S.A.')).toEqual([['organization', 'Vergara Villegas Ayala Pedroza S.A.']])
    expect(found('Rasmussen-Christiansen Bøger A/S sent me the invoice.')).toEqual([['organization', 'Rasmussen-Christiansen Bøger A/S']])
    expect(found('Kubacki Sp. j. sent me the invoice.')).toEqual([['organization', 'Kubacki Sp. j.']])
    // a greeting before a comma, a sentence's first word and Italian "a" ("to") are not the company's
    expect(found('Thanks, Nowak GmbH')).toEqual([['organization', 'Nowak GmbH']])
    expect(found('Yesterday Pech a.s. wrote to me')).toEqual([['organization', 'Pech a.s.']])
  })

  it("a company field's value is one company even as a list of surnames; surnames joined by a spaced dash are a firm", () => {
    expect(found('Company: Lohse, Schlawitz und Moeller')).toEqual([['organization', 'Lohse, Schlawitz und Moeller']])
    expect(found('Company: Mills - Wisozk')).toEqual([['organization', 'Mills - Wisozk']])
    expect(found('a colleague from van Vliet - de Corte said so')).toEqual([['organization', 'van Vliet - de Corte']])
    expect(found('Open Monday - Friday')).toEqual([])
    expect(found('Dariana Pfannerstill\nBoyle - Trantow-Doyle\n953.525.7581').filter(([label]) => label === 'organization')).toEqual([['organization', 'Boyle - Trantow-Doyle']])
    expect(foundAs('We met Lindholm, Jansen, Okafor and Petrov.', 'name')).toEqual(['Lindholm', 'Jansen', 'Okafor', 'Petrov'])
  })

  it('a job title in a signature is neither a company nor a person; the company below it is whole', () => {
    expect(found('Alejandro García López\nGerente de Ventas\nDistribuciones del Sur S.L.')).toEqual([
      ['name', 'Alejandro García López'],
      ['organization', 'Distribuciones del Sur S.L.'],
    ])
    expect(found('Head of Sales')).toEqual([])
  })

  it('a word no list knows, after a word a company follows', () => {
    expect(found('I have an account with Bankwell.')).toEqual([['organization', 'Bankwell']])
    expect(found('The refund came through Kelvaro, not directly.')).toEqual([['organization', 'Kelvaro']])
  })

  it('an everyday word opening a sentence or after a comma is no company, capitalised or not', () => {
    expect(found('Looks amazing! Just found your channel and your work is stunning.')).toEqual([])
    expect(found('Great video, Liked, how about another one!')).toEqual([])
  })

  it('a department or a team made of everyday words is no company', () => {
    expect(found('Customer Service said no, and Technical Support agreed.')).toEqual([])
  })
})

describe('a year placed in time is a date', () => {
  it('after a word that places it, and both ends of a span of years', () => {
    expect(found('He has been a customer since 1999.')).toEqual([['date', '1999']])
    expect(found('Between 2010 and 2015 I lived abroad.')).toEqual([
      ['date', '2010'],
      ['date', '2015'],
    ])
    expect(found('Back in the 1990s we used fax.')).toEqual([['date', '1990s']])
  })

  it('after "the year"', () => {
    expect(foundAs('The year was 1998.', 'date')).toEqual(['1998'])
  })

  it('a count, an amount or a version is no year', () => {
    expect(found('I have 2000 points and 1500 miles.')).toEqual([])
    expect(found('A total of 2000 euros was charged.')).toEqual([])
    expect(found('The 2019.3 build does not start.')).toEqual([])
  })
})

describe('a time written right after a date is part of the date', () => {
  it('after a space, a comma or "at", and an ISO time; a sentence\'s full stop stays', () => {
    expect(foundAs('The meeting is on March 14, 1998 at 10:42 PM.', 'date')).toEqual(['March 14, 1998 at 10:42 PM'])
    expect(foundAs('Appointment: 12 Jan 2021 14:30', 'date')).toEqual(['12 Jan 2021 14:30'])
    expect(foundAs('Logged 2021-07-04T14:30:00Z by the system', 'date')).toEqual(['2021-07-04T14:30:00Z'])
    expect(foundAs('Call me on 12 March 2021 at 14.5 or later', 'date')).toEqual(['12 March 2021'])
  })
})

describe('a title with its full stop vouches for a person', () => {
  it('"Ms." before a double-barrelled surname', () => {
    expect(found("Mr. O'Sullivan and Ms. McAllister-Greene are on the call.")).toEqual([
      ['name', "O'Sullivan"],
      ['name', 'McAllister-Greene'],
    ])
  })
})

describe('a speaker of a conversation is a person', () => {
  it('a label no list knows, beside a role or speaking twice, also after a time', () => {
    expect(found('Oyelaran: hello?\nAgent: Hi, how can I help?')).toEqual([['name', 'Oyelaran']])
    expect(found('[10:42] Xochitl: my card was declined\n[10:43] Agent: let me check')).toEqual([['name', 'Xochitl']])
  })

  it('the fields of a header block and of a form are no speakers', () => {
    const header = found('Von: service@example.de\nGesendet: Montag\nBetreff: Rechnung').map(([, value]) => value)
    for (const label of ['Von', 'Gesendet', 'Betreff']) expect(header).not.toContain(label)
    expect(found('Guest: Helena Kowalczyk\nRoom: 214\nCheck-in: tomorrow').map(([, value]) => value)).toEqual(['Helena Kowalczyk'])
  })
})

describe('someone saying who they are', () => {
  it('an agent named like a city stays the agent everywhere, never a place', () => {
    const text = 'Agent: Hello, my name is Sofia, how can I help?\nCustomer: hi Sofia, my order is late'
    expect(anonymise(text).text).toBe('Agent: Hello, my name is Agent, how can I help?\nCustomer: hi Agent, my order is late')
  })

  it('after "I am" only a known given name or surname: a nationality stays', () => {
    expect(found('I am Brazilian and I am Kenji Watanabe.')).toEqual([['name', 'Kenji Watanabe']])
  })
})

describe('one invented surname for one surname', () => {
  it('a surname from a form field, after a title and alone gets the same pseudonym everywhere', () => {
    const out = anonymise('Surname: Häkkinen\nThanks Ms. Häkkinen, and Häkkinen again.').text
    const [, pseudonym] = /^Surname: (\S+)\n/.exec(out) ?? []
    expect(pseudonym).toBeTruthy()
    expect(out).toBe(`Surname: ${pseudonym}\nThanks Ms. ${pseudonym}, and ${pseudonym} again.`)
  })
})

describe('a surname with its particles is one name', () => {
  it('opening a line, after a title, and beside the given name: never half a name, one pseudonym', () => {
    expect(found('van der Merwe, Pieter (Mr)')).toEqual([
      ['name', 'van der Merwe'],
      ['name', 'Pieter'],
    ])
    expect(found('Please contact Ms van den Berg tomorrow.')).toEqual([['name', 'van den Berg']])
    expect(found('The form is done, van der Merwe is my manager.')).toEqual([['name', 'van der Merwe']])
    const out = anonymise('Anouk de Vries wrote, and Mr de Vries called.').text
    const [, first, last] = /^(\S+) (\S+) wrote/.exec(out) ?? []
    expect(out).toBe(`${first} ${last} wrote, and Mr ${last} called.`)
  })
})

describe('logins, surnames said outright and the words forms abbreviate', () => {
  it('a login made of an initial and a surname, and "my surname is …"', () => {
    expect(found('My login is mkowalski and my surname is Kowalski.')).toEqual([
      ['username', 'mkowalski'],
      ['name', 'Kowalski'],
    ])
  })

  it('"DOB" before a date is a form\'s word, not a place', () => {
    expect(found('SSN 078-05-1120, DOB 04/12/1979').map(([label]) => label)).toEqual(['national_id', 'date_of_birth'])
  })
})

describe('a given name that is also a town, a country or an everyday word', () => {
  it('a smaller town named like a common given name is a person unless a place word comes before it', () => {
    expect(foundAs('Ask Norman about the invoice.', 'name')).toEqual(['Norman'])
    expect(foundAs('Madison said the parcel was late.', 'name')).toEqual(['Madison'])
    expect(foundAs('I grew up in Norman, Oklahoma.', 'place')).toContain('Norman')
  })

  it('a country is a place, also where a long list of given names holds it', () => {
    expect(foundAs('These parts came from Taiwan.', 'place')).toEqual(['Taiwan'])
    expect(foundAs('They would have lost everything in Syria.', 'place')).toEqual(['Syria'])
  })

  it('"James" is a name, not a plural of "jam"; "boxes" stays a plural', () => {
    expect(foundAs('You sound like James lol', 'name')).toEqual(['James'])
    expect(isCommonWord('boxes')).toBe(true)
    expect(isCommonWord('james')).toBe(false)
  })
})

describe('a person by a greeting or by the shape of a surname', () => {
  it('whoever is greeted is a person, a known company stays a company', () => {
    expect(foundAs('Hi Michter, we are interested in using your video.', 'name')).toEqual(['Michter'])
    expect(foundAs('Thanks Vodafone for nothing', 'name')).toEqual([])
  })

  it('a common given name standing alone mid-sentence, or opening a sentence before a lower-case word, is a person', () => {
    expect(foundAs('Great to see Isaiah in good spirits!', 'name')).toEqual(['Isaiah'])
    expect(foundAs('Kendrick called about the refund twice.', 'name')).toEqual(['Kendrick'])
  })

  it('a surname ending no list knows ("-ov", "-ska", "-vić") is a person', () => {
    expect(foundAs('The ticket says that Trifonov approved it.', 'name')).toEqual(['Trifonov'])
    expect(foundAs('Please pass this to Kowalska in billing.', 'name')).toEqual(['Kowalska'])
  })
})

describe('companies by a legal form written first, by whom someone works for, and under a signature (issue #12)', () => {
  it('a legal form before the name: Russian, Azerbaijani, Vietnamese, Latvian; Chinese and Japanese forms glued to it', () => {
    expect(foundAs('I work for ООО Лихачев and we were billed twice.', 'organization')).toEqual(['ООО Лихачев'])
    expect(foundAs('I work for MMC Rəhimov and we were billed twice.', 'organization')).toEqual(['MMC Rəhimov'])
    expect(foundAs('I work for Cty TNHH Hà and we were billed twice.', 'organization')).toEqual(['Cty TNHH Hà'])
    expect(foundAs('I work for Biedrība Pakalnietis un partneri and we were billed twice.', 'organization')).toEqual(['Biedrība Pakalnietis un partneri'])
    expect(foundAs('I work for 合名会社永野建設 and we were billed twice.', 'organization')).toEqual(['合名会社永野建設'])
    // without the sentence's "I at" glued before it
    expect(foundAs('我在北都市家明矿业有限责任公司工作', 'organization')).toEqual(['北都市家明矿业有限责任公司'])
  })

  it('after "I work for", double-barrelled surnames or names joined by "and" are the firm; two given names and one person stay people', () => {
    expect(foundAs('I work for Diedrich-Viellehner and we were billed twice.', 'organization')).toEqual(['Diedrich-Viellehner'])
    expect(foundAs('I work for Mathieu et Duval and we were billed twice.', 'organization')).toEqual(['Mathieu et Duval'])
    expect(foundAs('I work for John and Mary', 'organization')).toEqual([])
    expect(foundAs('I work for Google and Apple', 'organization')).not.toContain('Google and Apple')
    expect(found('I work for Sarah Smith-Jones')).toEqual([['name', 'Sarah Smith-Jones']])
    // a town's name among a side's surnames is a surname; a town as a whole side stays a place
    expect(foundAs('She works for Santiago Rosado y Calderón Esquivel.', 'organization')).toEqual(['Santiago Rosado y Calderón Esquivel'])
    expect(foundAs('I work for Berlin and Paris', 'organization')).toEqual([])
  })

  it("a list of surnames or two joined by a spaced dash on the line under the signer's name is the firm", () => {
    expect(found('Kind regards,\nKarla van Buuren\nAucamp, Durand and Loubser')).toEqual([
      ['name', 'Karla van Buuren'],
      ['organization', 'Aucamp, Durand and Loubser'],
    ])
    expect(found('Best,\nGrace Kelly\nThompson - Connolly')).toEqual([
      ['name', 'Grace Kelly'],
      ['organization', 'Thompson - Connolly'],
    ])
    // the same names in a sentence are people
    expect(foundAs('We met Hintz, Considine and Cormier\nyesterday', 'name')).toEqual(['Hintz', 'Considine', 'Cormier'])
  })
})

describe("a form's fields under an address (issue #12)", () => {
  it('a company field after an address block is the company, not the block\'s country', () => {
    expect(found('Name: Maja Justesen\nPhone: 4242 3664\nAddress: Valmuevej 55A, 7878 Tinglev\nCompany: Birkerød Bageri')).toEqual([
      ['name', 'Maja Justesen'],
      ['phone', '4242 3664'],
      ['address', 'Valmuevej 55A'],
      ['postcode', '7878'],
      ['place', 'Tinglev'],
      ['organization', 'Birkerød Bageri'],
    ])
  })

  it("a company field's whole value is one company, above a person's reading of its surnames", () => {
    expect(foundAs('Company: Jenkins - Gulgowski', 'organization')).toEqual(['Jenkins - Gulgowski'])
    expect(foundAs('Name: Judith Senn\nCompany: Lustenberger, Keller und Huber', 'organization')).toEqual(['Lustenberger, Keller und Huber'])
  })
})

describe("the signer under a letter's closing (issue #12)", () => {
  it('is a person, without a title, above a reading as a company; a team or a company there stays what it is', () => {
    expect(found('Thank you for your help.\n\nBest regards,\nSulaimon-Clare Onoriode')).toEqual([['name', 'Sulaimon-Clare Onoriode']])
    expect(found('Kind regards,\nDr. Justina King')).toEqual([['name', 'Justina King']])
    expect(foundAs('Thanks,\nAcme Support Team', 'name')).toEqual([])
    expect(found('Cheers,\nJohn Smith\nAcme Ltd')).toEqual([
      ['name', 'John Smith'],
      ['organization', 'Acme Ltd'],
    ])
  })
})
