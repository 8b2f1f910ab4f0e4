import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { anonymise, detect, type PiiLabel, type Span } from '~/anonymiser'
import { ibanValid, isCardNumber, luhnValid } from '~/anonymiser/checksums'

function found(text: string): Array<{ label: PiiLabel; value: string }> {
  return detect(text).map((s) => ({ label: s.label, value: text.slice(s.start, s.end) }))
}

function wordPattern(value: string): RegExp {
  const escaped = value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'iu')
}

describe('detect: each kind of personal data in a realistic sentence', () => {
  const cases: Array<[PiiLabel, string, string]> = [
    ['name', "Hi, my name is Dana Whitfield and my parcel hasn't arrived.", 'Dana Whitfield'],
    ['name', 'Thanks for your help,\nPriya', 'Priya'],
    ['name', 'Please ask Mr Okonkwo to call me back.', 'Okonkwo'],
    ['email', 'You can reach me at d.whitfield@outlook.com any time.', 'd.whitfield@outlook.com'],
    ['phone', 'Call me back on (415) 555-0199 after 5pm.', '(415) 555-0199'],
    ['phone', 'My mobile is +44 7700 900461.', '+44 7700 900461'],
    ['address', 'Please send it to 14 Rowan Street, Leeds LS6 2QT instead.', '14 Rowan Street'],
    ['postcode', 'Please send it to 14 Rowan Street, Leeds LS6 2QT instead.', 'LS6 2QT'],
    ['url', 'The checkout at https://shop.fernhillgoods.com/checkout just spins.', 'https://shop.fernhillgoods.com/checkout'],
    ['url', 'I found the offer on www.bluegatedeals.co.uk yesterday.', 'www.bluegatedeals.co.uk'],
    ['account_number', 'My order number is 4471-2290 and it is still processing.', '4471-2290'],
    ['account_number', 'Ticket TCK-20931 was closed without anyone calling me.', 'TCK-20931'],
    ['account_number', 'The tracking number is 1Z999AA10123456784 but it is unknown.', '1Z999AA10123456784'],
    ['username', 'my login is k.obrien77 if that helps', 'k.obrien77'],
    ['username', 'hey @nova_support any update?', '@nova_support'],
    ['card_number', 'I paid with my Visa 4539 1488 0343 6467 and it was taken twice.', '4539 1488 0343 6467'],
    // a short number written just before the card: the card is still the four groups, not a phone
    ['card_number', 'seat 47 4539 1488 0343 6467 was on the receipt', '4539 1488 0343 6467'],
    ['iban', 'Please send the refund to NL91 ABNA 0417 1643 00.', 'NL91 ABNA 0417 1643 00'],
    ['ip_address', 'Our office IP is 203.0.113.47, can you whitelist it?', '203.0.113.47'],
    ['ip_address', 'The VPN gives me 2001:db8:85a3::8a2e:370:7334 and you refuse it.', '2001:db8:85a3::8a2e:370:7334'],
    ['national_id', 'My SSN is 524-71-3390, do you really need it?', '524-71-3390'],
    ['national_id', 'my national insurance number is AB123456C', 'AB123456C'],
    ['date_of_birth', 'I was born on 3 March 1979 if you need it for verification.', '3 March 1979'],
    ['date_of_birth', 'DOB: 14/02/1987', '14/02/1987'],
    ['date', 'Your delivery on 12/03/2024 was late by two hours.', '12/03/2024'],
    ['date', 'Bestellt am 3. März 2024, nie angekommen.', '3. März 2024'],
    ['date', 'It was booked for Tuesday, March 5th.', 'Tuesday, March 5th'],
    ['place', "I'm based in Cork so the UK number doesn't work for me.", 'Cork'],
  ]
  it.each(cases)('%s in %j', (label, text, value) => {
    expect(found(text)).toContainEqual({ label, value })
  })

  it('finds nothing in a message without personal data', () => {
    for (const text of [
      'Monday works for me, anytime after lunch.',
      'Will you be open on the bank holiday?',
      'I am on version 4.12.3 of the app.',
    ]) {
      expect(detect(text)).toEqual([])
    }
  })
})

describe('detect: general rules for text it was not tuned on', () => {
  const cases: Array<[string, PiiLabel, string, string]> = [
    // references: a cue a few words away, after the value, or in the question on the line before
    ['a reference word a few words before', 'account_number', 'The order I placed for my mum, 55501234, never came.', '55501234'],
    ['a reference word after the code', 'account_number', 'JD014600006281234567 is the tracking number the courier gave me.', 'JD014600006281234567'],
    ['a question on the line before', 'account_number', "Agent: What's your customer number?\nCustomer: C00918273", 'C00918273'],
    ['a code of capitals and digits without any cue', 'account_number', 'W123456789 still says preparing after ten days.', 'W123456789'],
    ['anything numbered', 'account_number', 'Loyalty number 6338 2910 4471, the points from March are missing.', '6338 2910 4471'],
    ['a cued reference shaped like a phone number', 'account_number', 'The claim I opened, 55-201-881, is still pending.', '55-201-881'],
    ['an order number that passes the Luhn check', 'account_number', 'My order 114-2233445-6677889 is missing an item.', '114-2233445-6677889'],
    ['a short prefix before groups of digits', 'account_number', 'policy no MTR 4418 2290 for the car insurance', 'MTR 4418 2290'],
    // national identifiers
    ['the last four of a social security number', 'national_id', 'Agent: For verification, the last four of your social please.\nCustomer: 4471', '4471'],
    ['an ID number', 'national_id', 'Full name: Nomvula Dlamini\nID number: 9009120123088', '9009120123088'],
    ['a cue with words before "is"', 'national_id', 'The BSN on the form is 111222333, I double-checked it.', '111222333'],
    // addresses and postcodes
    ['an Eircode after an Irish address', 'postcode', 'new address is 14 Fr Griffin Rd, Galway H91 X2C4', 'H91 X2C4'],
    ['a street and number before a postcode and town', 'address', 'Our office: Damrak 1, 1012 LG Amsterdam.', 'Damrak 1'],
    ['a street name without a number, with the flat before it', 'address', 'Unit 14, Riverside Business Park, Wharf Road, Stockton-on-Tees TS18 2PQ', 'Unit 14, Riverside Business Park, Wharf Road'],
    ['a hyphenated town after an address', 'place', 'Unit 14, Riverside Business Park, Wharf Road, Stockton-on-Tees TS18 2PQ', 'Stockton-on-Tees'],
    ['a town before a four-digit postcode', 'postcode', 'Send it to PO Box 4410, Wellington 6140, New Zealand.', '6140'],
    // organisations
    ['a known bank before "card"', 'organization', 'hey my Revolut card got declined at checkout', 'Revolut'],
    ['a company name that is also a word, with a hint', 'organization', 'I switched to Three last month and lost signal.', 'Three'],
    ['a job title before "at"', 'organization', "I'm the CTO at Stratoscale and we need a quote.", 'Stratoscale'],
    // names
    ['a family name after an unlisted given name', 'name', 'Ji-woo Park and Hyun Kim both need access to the shared inbox.', 'Ji-woo Park'],
    ['a family name first', 'name', 'Nguyen Thi Mai here, my parcel has been stuck since Monday.', 'Nguyen Thi Mai'],
    ['a role, a comma and a person', 'name', 'my supervisor, Tavita, said it was fine.', 'Tavita'],
    ['a person doing what people do', 'name', 'Zoltavia was so helpful on the phone today.', 'Zoltavia'],
    ['the person thanked, before "you"', 'name', "Thanks Ndirangu you've been great", 'Ndirangu'],
    ['a listed name written with an accent', 'name', 'ok that worked, thanks, siobhán', 'siobhán'],
    ['a particle inside a name', 'name', 'Contact person: Rhys ap Iorwerth', 'Rhys ap Iorwerth'],
    ['an apostrophe in an e-mail address', 'email', "my email is Jane.O'Neil+test@mail.example.co.uk", "Jane.O'Neil+test@mail.example.co.uk"],
    // usernames
    ['the second of two usernames', 'username', 'username is petal.wren i think, or maybe petalwren', 'petalwren'],
    ['mixed case with digits', 'username', "I'm DarkKnight99 in the game, same as on the forum", 'DarkKnight99'],
    ['"known as"', 'username', "I'm known as sk8rboi97 in the app", 'sk8rboi97'],
    ['a handle after "my account"', 'username', '@PlayStation my account NightRaven_07 got banned for no reason', 'NightRaven_07'],
    ['a VAT number a few words after "VAT"', 'account_number', 'Please update the VAT number to GB 987 6543 21 on the invoices.', 'GB 987 6543 21'],
    ['a Portuguese postcode after a street', 'postcode', "I'm moving to Rua Augusta 112, 1100-053 Lisboa next month.", '1100-053'],
    ['a postcode on the line after the street', 'postcode', 'New shipping address:\nLaura Bianchi\nVia Garibaldi 23\n20121 Milano', '20121'],
    ['a SIN with words before it', 'national_id', "The tax office needs my SIN, it's 271 839 912.", '271 839 912'],
    ['a person after an organisation cue', 'name', 'Please contact my solicitor, Imogen Achebe, on 020 7946 0555.', 'Imogen Achebe'],
    ['a phone number that passes the Luhn check', 'phone', "Call me back on 0049 171 2345678 please, I'm in Hamburg this week.", '0049 171 2345678'],
    ['a Reddit user', 'username', 'reddit u/quietcartographer posted my order details publicly', 'u/quietcartographer'],
    ['the person thanked after "thanks for the help"', 'name', "Thanks for the help Yusra, you're a star", 'Yusra'],
    ['a last-four answer after a full-name speaker label', 'card_number', 'Leo (support): Can you share the last 4 digits of the card?\nPriyanka Chaudhary: 8812', '8812'],
  ]
  it.each(cases)('%s', (_what, label, text, value) => {
    expect(found(text)).toContainEqual({ label, value })
  })

  it('does not take products, amounts, field labels or everyday words for personal data', () => {
    for (const text of [
      'Gmail says the email bounced.',
      'this is ridiculous, i want a refund',
      "I have 10000 points on my account, why can't I use them?",
      'The parcel weighed 12500g apparently.',
      'Model QE55Q80A keeps rebooting.',
      'Thanks Heaps for sorting that',
      'Three weeks later it still has not arrived.',
      'Next week is fine for the engineer.',
      'Checkout said payment failed.',
    ]) {
      expect(found(text), text).toEqual([])
    }
    expect(found('My Samsung Galaxy S23 Ultra has a cracked screen.').filter((s) => s.label === 'organization')).toEqual([])
    expect(found('National Insurance: JG 10 37 72 A').filter((s) => s.label === 'name')).toEqual([])
    expect(found('Please use our new address from 1 June.').filter((s) => s.label === 'name')).toEqual([])
    expect(found('Thank you for contacting Halden Water. Your account has been credited.').filter((s) => s.label === 'name')).toEqual([])
    expect(found('Customer: 3 Willow Bank, Shrewsbury').filter((s) => s.label === 'organization')).toEqual([])
    // a reference inside a phone number does not split it
    expect(found("agent: can i get the phone number on the account?\ncustomer: (412) 555-0183")).toContainEqual({ label: 'phone', value: '(412) 555-0183' })
  })
})

describe('detect: forms, headers and companies in other languages', () => {
  it('takes no field label or header word of another language for a person or a company', () => {
    for (const text of ['Betreff: Rechnung fehlt\nNachricht: Bitte um Rückruf', 'Temat: Reklamacja\nWiadomość: paczka nie dotarła', 'Oggetto: Fattura sbagliata\nMessaggio: Buongiorno, la fattura è sbagliata.']) {
      expect(found(text), text).toEqual([])
    }
    expect(found('Von: Kundendienst <service@example.de>\nAn: Jürgen Hofmann\nBetreff: Ihre Bestellung').filter((s) => s.label !== 'email')).toEqual([{ label: 'name', value: 'Jürgen Hofmann' }])
  })

  it("reads a field's value by its label, and a company by its trade word", () => {
    expect(found('Firma: Nowak Budownictwo\nMiasto: Gdańsk')).toEqual([
      { label: 'organization', value: 'Nowak Budownictwo' },
      { label: 'place', value: 'Gdańsk' },
    ])
    expect(found('Ciudad: Valencia')).toEqual([{ label: 'place', value: 'Valencia' }])
    expect(found('We booked through Kovács Építőipar last spring.')).toEqual([{ label: 'organization', value: 'Kovács Építőipar' }])
  })

  it('reads a number given for a postcode as a postcode', () => {
    expect(found('Agent: Thanks, and your zip code?\nCustomer: 60614')).toContainEqual({ label: 'postcode', value: '60614' })
    expect(found('Agent: Thanks, and your zip code?\nClient: 60614')).toEqual([{ label: 'postcode', value: '60614' }])
    expect(found('Verified: Jan Nowak, postcode 31-019.')).toContainEqual({ label: 'postcode', value: '31-019' })
  })

  it('keeps a name whole and of one kind', () => {
    expect(found('Dana Whitfield charged twice for order 48213377').filter((s) => s.label !== 'account_number')).toEqual([{ label: 'name', value: 'Dana Whitfield' }])
    expect(found('(09:14) Lena Brandt: hallo\n(09:15) Support: Hallo Lena, wie kann ich helfen?')).toEqual([
      { label: 'name', value: 'Lena Brandt' },
      { label: 'name', value: 'Lena' },
    ])
  })
})

describe('detect: whole entities and nothing around them', () => {
  it('a name or a place is its capitalised words, not the words before it', () => {
    const text = 'Witam, nazywam się Krzysztof Wójcik. Paczka utknęła w Katowice.'
    const values = found(text).map((f) => f.value)
    expect(values).toContain('Krzysztof Wójcik')
    expect(values).toContain('Katowice')
    for (const word of ['nazywam', 'się', 'w Katowice']) expect(values.some((v) => v.includes(word))).toBe(false)
  })

  it('people in a numbered list or after a clock time are people, not a street', () => {
    expect(found('Winners: 1. Chloé Martin 2. Mathis Roux 3. Inès Faure').filter((f) => f.label === 'name').map((f) => f.value)).toEqual([
      'Chloé Martin',
      'Mathis Roux',
      'Inès Faure',
    ])
    expect(found('2024-03-02 18:22 Mustafa Öztürk: Kargo nerede?')).toContainEqual({ label: 'name', value: 'Mustafa Öztürk' })
  })

  it('a bracket after a name ends it: what the brackets hold stays', () => {
    expect(found('Reply from Siddharth Venkataraman (Engineering)')).toEqual([{ label: 'name', value: 'Siddharth Venkataraman' }])
  })

  it('a login made of the name of someone in the same text is their username, with any digits after it', () => {
    expect(found('ticket opened by mkowalczyk (Marta Kowalczyk)')).toEqual([
      { label: 'username', value: 'mkowalczyk' },
      { label: 'name', value: 'Marta Kowalczyk' },
    ])
    expect(found("Siobhán O'Neill, login soneill")).toContainEqual({ label: 'username', value: 'soneill' })
    expect(found('Anna Nowak here, my account is anna.nowak77')).toContainEqual({ label: 'username', value: 'anna.nowak77' })
    // a word that only looks like part of a name is no login
    expect(found('Anna Nowak here, annual plan please').map((f) => f.label)).toEqual(['name'])
  })

  it('a full stop after a street or a town stays in the text, and the next sentence is no town', () => {
    expect(found('Send it to 14 Rowan Street. Thanks')).toEqual([{ label: 'address', value: '14 Rowan Street' }])
    expect(found('14 Rowan Street, Leeds.')).toContainEqual({ label: 'place', value: 'Leeds' })
  })
})

describe('validators', () => {
  it('a 16-digit number that fails the Luhn check is not a card number', () => {
    expect(luhnValid('4111111111111112')).toBe(false)
    const text = 'It says my card number 4111 1111 1111 1112 is invalid.'
    expect(found(text).filter((s) => s.label === 'card_number')).toEqual([])
    expect(found('My card 4111 1111 1111 1111 was declined.')).toContainEqual({ label: 'card_number', value: '4111 1111 1111 1111' })
    expect(isCardNumber('4111 1111 1111 1111')).toBe(true)
  })

  it('an IBAN with a bad checksum is not labelled iban', () => {
    expect(ibanValid('GB82 WEST 1234 5698 7654 32')).toBe(true)
    expect(ibanValid('GB82 WEST 1234 5698 7654 31')).toBe(false)
    expect(found('Pay into GB82 WEST 1234 5698 7654 31 please.').filter((s) => s.label === 'iban')).toEqual([])
    expect(found('Pay into GB82 WEST 1234 5698 7654 32 please.')).toContainEqual({ label: 'iban', value: 'GB82 WEST 1234 5698 7654 32' })
  })
})

describe('anonymise', () => {
  it('gives the same person the same pseudonym, and different people different ones', () => {
    const text = 'Hi, I am Dana Whitfield. My colleague Marcus Oyelowo called too. Dana again: any news, Marcus?'
    const { spans } = anonymise(text)
    const byValue = new Map(spans.map((s) => [text.slice(s.start, s.end), s.replacement]))
    const dana = byValue.get('Dana Whitfield') as string
    const marcus = byValue.get('Marcus Oyelowo') as string
    expect(dana).toBeTruthy()
    expect(marcus).toBeTruthy()
    expect(dana).not.toBe(marcus)
    // the lone first name maps to the first name of the full pseudonym
    expect(byValue.get('Dana')).toBe(dana.split(' ')[0])
    expect(byValue.get('Marcus')).toBe(marcus.split(' ')[0])
    expect(spans.filter((s) => text.slice(s.start, s.end) === 'Dana').length).toBe(1)
  })

  it('hands out no pseudonym that uses a word of the text it was told to avoid as well', () => {
    const text = 'Hi, I am Dana Whitfield. Order ORD-55120.'
    const alone = anonymise(text).spans.map((s) => s.replacement)
    // text anonymised earlier that already uses the pseudonyms this text would get on its own
    const earlier = `Customer: ${alone.join(' ')}`
    const avoiding = anonymise(text, { alsoAvoid: earlier }).spans
    const earlierWords = new Set(earlier.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 1 && !/^\d+$/.test(w)))
    expect(avoiding.length).toBe(alone.length)
    for (const span of avoiding) {
      for (const word of span.replacement.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
        if (span.label === 'name') expect(earlierWords.has(word)).toBe(false)
      }
      expect(earlier.toLowerCase()).not.toContain(span.replacement.toLowerCase())
    }
  })

  it('is consistent regardless of case and gives e-mails and references stable stand-ins', () => {
    const text = 'Email JO@EXAMPLE.ORG or jo@example.org. Order ORD-55120 and order ORD-55184; again ORD-55120.'
    const { spans } = anonymise(text)
    const emails = spans.filter((s) => s.label === 'email').map((s) => s.replacement)
    expect(emails).toHaveLength(2)
    expect(emails[0]).toBe(emails[1])
    expect(emails[0]).toMatch(/@example\.com$/)
    const orders = spans.filter((s) => s.label === 'account_number').map((s) => s.replacement)
    expect(orders).toEqual([orders[0], orders[1], orders[0]])
    expect(orders[0]).not.toBe(orders[1])
  })

  it('replaces the agent with "Agent", from the speaker prefix or the agentNames option', () => {
    const chat = "Agent: Hello, I'm Tom and I'll help you today.\nCustomer: Thanks Tom. My name is Dana.\nAgent: No problem Dana. Tom here again."
    const a = anonymise(chat)
    expect(a.text).not.toMatch(/\bTom\b/)
    expect(a.text).toContain("I'm Agent and I'll help")
    expect(a.spans.filter((s) => chat.slice(s.start, s.end) === 'Tom').every((s) => s.replacement === 'Agent')).toBe(true)
    expect(a.spans.find((s) => chat.slice(s.start, s.end) === 'Dana')?.replacement).not.toBe('Agent')

    const email = 'Hi Dana,\nI have refunded the order.\nBest wishes,\nLucy Tran'
    const b = anonymise(email, { agentNames: ['Lucy Tran'] })
    expect(b.text).toContain('Best wishes,\nAgent')
    expect(b.text).not.toContain('Lucy')

    // an agent name no detector would find is still replaced, everywhere
    const c = anonymise('Zq here. zq will sort it out.', { agentNames: ['Zq'] })
    expect(c.text).toBe('Agent here. Agent will sort it out.')
  })

  it('reports offsets into the input text, and the output is the input with each span replaced', () => {
    const text = '🙂 Héllo, this is Priya Raman — call +44 20 7946 0321 or write to priya@fenlow.co.uk.'
    const { text: output, spans } = anonymise(text)
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(expect.arrayContaining(['Priya Raman', '+44 20 7946 0321', 'priya@fenlow.co.uk']))
    let rebuilt = ''
    let cursor = 0
    for (const s of spans) {
      rebuilt += text.slice(cursor, s.start) + s.replacement
      cursor = s.end
    }
    expect(rebuilt + text.slice(cursor)).toBe(output)
  })

  it('replaces a reviewer-marked span everywhere it occurs', () => {
    const text = 'The Bluebell account is late. Bluebell said the courier lost it. bluebell!'
    const start = text.indexOf('Bluebell')
    const { text: output, spans } = anonymise(text, { extraSpans: [{ start, end: start + 'Bluebell'.length, label: 'organization' }] })
    expect(output.toLowerCase()).not.toContain('bluebell')
    expect(spans.filter((s) => s.label === 'organization')).toHaveLength(3)
    const byText = anonymise(text, { extraSpans: [{ text: 'courier', label: 'organization' }] })
    expect(byText.text).not.toContain('courier')
  })

  it('leaves ignored values alone everywhere', () => {
    const text = 'Hi, this is Dana Whitfield from Northwind Bank. Northwind Bank owes me money, Dana says.'
    const ignored = anonymise(text, { ignore: ['Northwind Bank'] })
    expect(ignored.text.match(/Northwind Bank/g)).toHaveLength(2)
    expect(ignored.text).not.toContain('Dana')
    const normal = anonymise(text)
    expect(normal.text).not.toContain('Northwind')
  })

  it('never leaves an original value in the output', () => {
    const text = [
      'Hi, my name is Callum Reid (callum.reid@fastmail.com, 07700 900812).',
      'Order 552109 arrived damaged; my card 4539 1488 0343 6467 was charged twice.',
      'Refund to GB33 BUKB 2020 1555 5555 55 please. I live at 41 Juniper Lane, Bristol BS8 4PL.',
      'SSN 524-71-3390, born 12/11/1962, server 198.51.100.12, see https://callumreid.example.net/x.',
      'Thanks, Callum',
    ].join('\n')
    const originals = detect(text).map((s) => text.slice(s.start, s.end))
    expect(originals.length).toBeGreaterThanOrEqual(12)
    const { text: output } = anonymise(text)
    for (const value of originals) expect(output).not.toMatch(wordPattern(value))
  })
})

describe('properties (fast-check)', () => {
  const firstNames = ['Dana', 'Marcus', 'Priya', 'Tomasz', 'Amara', 'Henrik', 'Yusuf', 'Olivia', 'Ibrahim', 'Nadia', 'Beatrice', 'Declan']
  const surnames = ['Whitfield', 'Oyelowo', 'Raman', 'Wierzbicki', 'Nwosu', 'Dahl', 'Demir', 'Brennan', 'Haddad', 'Lindqvist']
  const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''))
  const withLuhn = (body: string) => {
    for (let d = 0; d < 10; d++) if (luhnValid(body + d)) return body + d
    return body
  }
  const ibanFor = (bban: string) => {
    for (let check = 2; check < 100; check++) {
      const iban = `GB${String(check).padStart(2, '0')}WEST${bban}`
      if (ibanValid(iban)) return iban
    }
    return ''
  }

  const piece: fc.Arbitrary<{ sentence: string; value: string }> = fc.oneof(
    fc.tuple(fc.constantFrom(...firstNames), fc.constantFrom(...surnames)).map(([f, s]) => ({ sentence: `Hi, my name is ${f} ${s}.`, value: `${f} ${s}` })),
    fc.tuple(fc.stringMatching(/^[a-z]{3,8}$/), fc.stringMatching(/^[a-z]{3,8}$/)).map(([u, d]) => ({ sentence: `Write to ${u}.${d}@${d}mail.com please.`, value: `${u}.${d}@${d}mail.com` })),
    digits(6).map((d) => ({ sentence: `Call me on 07700 ${d}.`, value: `07700 ${d}` })),
    digits(14).map((d) => withLuhn(`4${d}`)).map((card) => ({ sentence: `My card is ${card.replace(/(\d{4})(?=\d)/g, '$1 ')}.`, value: card.replace(/(\d{4})(?=\d)/g, '$1 ') })),
    digits(14).map(ibanFor).filter(Boolean).map((iban) => ({ sentence: `Refund to ${iban} thanks.`, value: iban })),
    fc.tuple(fc.integer({ min: 11, max: 223 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 1, max: 254 })).map((p) => ({ sentence: `Blocked from ${p.join('.')} today.`, value: p.join('.') })),
    digits(7).map((d) => ({ sentence: `My order number is 4${d} and it is late.`, value: `4${d}` })),
    fc.stringMatching(/^[a-z]{4,8}_[a-z0-9]{2,6}$/).map((u) => ({ sentence: `username: ${u}`, value: u })),
  )
  const filler = fc.constantFrom('The parcel is late.', 'Thanks for your patience.', 'Can you help?', 'It broke on Monday.', 'Sorry about that!')
  const textArb = fc.array(fc.tuple(piece, filler), { minLength: 1, maxLength: 6 })

  it('every original value is absent from the output', () => {
    fc.assert(
      fc.property(textArb, (parts) => {
        const text = parts.map(([p, f]) => `${p.sentence} ${f}`).join('\n')
        const { text: output } = anonymise(text)
        for (const [p] of parts) {
          if (wordPattern(p.value).test(output)) return false
        }
        return true
      }),
      { numRuns: 150 },
    )
  })

  it('spans are sorted, do not overlap, and lie inside the input', () => {
    fc.assert(
      fc.property(textArb, fc.string({ maxLength: 40 }), (parts, noise) => {
        const text = parts.map(([p, f]) => `${p.sentence} ${noise} ${f}`).join('\n')
        const spans: Span[] = anonymise(text).spans
        return spans.every((s, i) => s.start >= 0 && s.end <= text.length && s.start < s.end && (i === 0 || spans[i - 1].end <= s.start))
      }),
      { numRuns: 150 },
    )
  })
})
