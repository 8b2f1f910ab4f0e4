import { describe, expect, it } from 'vitest'
import { COACH_HINTS, coachHints, splitSentences, type CoachHintId } from '~/practice/coach-hints'

const ids = (text: string, context = {}) => coachHints(text, context).map((hint) => hint.id)
const hint = (text: string, id: CoachHintId, context = {}) => coachHints(text, context).find((h) => h.id === id)

// A reply that does everything the hints look for: acknowledges, thanks, owns it, gives a time.
const GOOD =
  'Hi Dana, I am so sorry the payment page froze all weekend; that must have been stressful. Thank you for sticking with us. ' +
  'I have refunded the duplicate charge and I will call you by 15:00 today to confirm it has landed.'

describe('coach hints', () => {
  it('say nothing about an empty reply and nothing about a considered one', () => {
    expect(coachHints('   ')).toEqual([])
    expect(ids(GOOD)).toEqual([])
  })

  it('notice a reply that does not acknowledge the customer’s feeling or situation', () => {
    expect(ids('Thank you. Your refund will arrive by Friday.')).toContain('acknowledge')
    expect(ids('Thank you. I am sorry about the delay; it will arrive by Friday.')).not.toContain('acknowledge')
    expect(ids('Thanks Ama, I can see how worrying this is. It arrives by Friday.')).not.toContain('acknowledge')
  })

  it('notice a reply with no thanks', () => {
    expect(ids('Sorry about this. It arrives by Friday.')).toContain('thanks')
    expect(ids('Sorry about this, and I appreciate your patience. It arrives by Friday.')).not.toContain('thanks')
  })

  it('point at blame and policy-hiding phrases with the words it found', () => {
    const found = hint('Sorry, thanks. As per our policy refunds take 10 days, and you should have read the terms. Unfortunately there is nothing more we can do today.', 'blame')
    expect(found?.evidence).toEqual(expect.arrayContaining(['As per our policy', 'you should have', 'Unfortunately there is nothing']))
    expect(ids(GOOD)).not.toContain('blame')
  })

  it('notice a reply with no next step or time frame', () => {
    expect(ids('Sorry about that, thank you for telling us. We will look into it.')).toContain('next-step')
    expect(ids('Sorry about that, thank you for telling us. I will call you tomorrow morning.')).not.toContain('next-step')
    expect(ids('Sorry about that, thanks. You will hear from me within 2 hours.')).not.toContain('next-step')
  })

  it('notice asking for what the business already knows, using the scenario context', () => {
    const context = {
      channel: 'chat',
      customerName: 'Kwame',
      context: ['He ordered on Saturday, order 48213, with gift wrapping.'],
      conversation: [{ role: 'customer', text: 'Where is my parcel? It is for my daughter.' }],
    }
    const asked = hint('Sorry, thanks for waiting. Could you send me your order number so I can check? I will reply today.', 'known-info', context)
    expect(asked?.evidence).toEqual(['Could you send me your order number so I can check?'])
    // Without an order in the context, asking is fair.
    expect(ids('Sorry, thanks. Could you send me your order number? I will reply today.', { context: ['A new visitor asks about prices.'] })).not.toContain('known-info')
    // On e-mail we have their address; on the phone, their number.
    expect(ids('Sorry, thanks. Please confirm your email address by Friday.', { channel: 'email' })).toContain('known-info')
    expect(ids('Sorry, thanks. What is your phone number? I will ring today.', { channel: 'phone' })).toContain('known-info')
    expect(ids('Sorry, thanks. Can you tell me your full name? Back to you today.', { customerName: 'Rosa' })).toContain('known-info')
  })

  it('name the jargon it found', () => {
    expect(hint('Sorry and thanks. I have escalated your ticket to tier 2 and will revert by Friday.', 'jargon')?.evidence).toEqual(
      expect.arrayContaining(['escalate', 'ticket', 'tier', 'revert']),
    )
    expect(ids(GOOD)).not.toContain('jargon')
  })

  it('notice capitals and stacked exclamation marks, but not ordinary acronyms', () => {
    expect(hint('Sorry and thanks. This is URGENT and will be fixed TODAY.', 'shouting')?.evidence).toEqual(['URGENT', 'TODAY'])
    expect(ids('Sorry and thanks!!! It is fixed today.')).toContain('shouting')
    expect(ids('Sorry! Thanks! Fixed! Today.')).toContain('shouting')
    expect(ids('Sorry and thanks. The API sends a PDF by SMS today!')).not.toContain('shouting')
  })

  it('give every hint a title and a one-sentence reason', () => {
    for (const [id, text] of Object.entries(COACH_HINTS)) {
      expect(text.title.length, id).toBeGreaterThan(3)
      expect(text.why.endsWith('.'), id).toBe(true)
      expect(text.why.split(/[.!?](\s|$)/).filter((part) => part.trim().length > 1)).toHaveLength(1)
    }
  })

  it('splits a reply into sentences for the quote picker', () => {
    expect(splitSentences('Hi Dana. I am sorry!\nIt is fixed? Yes')).toEqual(['Hi Dana.', 'I am sorry!', 'It is fixed?', 'Yes'])
    expect(splitSentences('I refunded the £4.50 postage. Back by 10.30 today.')).toEqual(['I refunded the £4.50 postage.', 'Back by 10.30 today.'])
  })
})
