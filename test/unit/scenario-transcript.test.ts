import { describe, expect, it } from 'vitest'
import { readUpload } from '~/scenarios/import-upload.server'
import { parseJsonLines, parseTranscript, speakersOf, withSpeakerRoles } from '~/scenarios/transcript'

describe('parsing a pasted transcript', () => {
  it('starts a turn at each "Speaker:" line and continues it on lines without one', () => {
    const { turns } = parseTranscript('Customer: My order never came.\nIt was a gift.\r\nOrder: 1234\nAgent: Sorry to hear that!\n\n[10:02] Customer: Thanks')
    expect(turns).toEqual([
      { speaker: 'Customer', role: 'customer', text: 'My order never came.\nIt was a gift.\nOrder: 1234' },
      { speaker: 'Agent', role: 'agent', text: 'Sorry to hear that!' },
      { speaker: 'Customer', role: 'customer', text: 'Thanks' },
    ])
  })

  it('gives named speakers roles: whoever opens like an agent is the agent, the other the customer', () => {
    const { turns } = parseTranscript('Tom: Thanks for contacting Acme, how can I help?\nDana Whitfield: My parcel is lost.\nTom: Let me look.')
    expect(turns.map((t) => [t.speaker, t.role])).toEqual([
      ['Tom', 'agent'],
      ['Dana Whitfield', 'customer'],
      ['Tom', 'agent'],
    ])
    expect(speakersOf(turns)).toEqual([
      { speaker: 'Tom', role: 'agent' },
      { speaker: 'Dana Whitfield', role: 'customer' },
    ])
    const swapped = withSpeakerRoles(turns, new Map([[0, 'customer'], [1, 'agent']]))
    expect(swapped.map((t) => t.role)).toEqual(['customer', 'agent', 'customer'])
  })

  it('does not mistake links, times or sentences for speakers, and reads text with no speaker as the customer', () => {
    const { turns } = parseTranscript('Hello, see https://example.com/x for the photo.\nWe met at 10:30 today.\nthanks again: really')
    expect(turns).toEqual([{ speaker: null, role: 'customer', text: 'Hello, see https://example.com/x for the photo.\nWe met at 10:30 today.\nthanks again: really' }])
    expect(parseTranscript('   \n ').problems).toEqual(['There is no text to import.'])
  })
})

describe('parsing JSON Lines', () => {
  it('reads {role, author, text} and ABCD {speaker, text}, turning actions into notes', () => {
    const { turns, problems } = parseJsonLines(
      ['{"speaker":"agent","text":"Hi!"}', '{"speaker":"customer","text":"Hello"}', '{"speaker":"action","text":"Account pulled up."}', '{"role":"customer","author":"Dana","text":"Me again"}', '', '{"text":""}'].join('\n'),
    )
    expect(problems).toEqual([])
    expect(turns.map((t) => [t.speaker, t.role, t.text])).toEqual([
      ['agent', 'agent', 'Hi!'],
      ['customer', 'customer', 'Hello'],
      ['action', 'note', 'Account pulled up.'],
      ['Dana', 'customer', 'Me again'],
    ])
  })

  it('skips bad lines, naming their number but not their content', () => {
    const { turns, problems } = parseJsonLines('{"text":"fine"}\n{oops Dana Whitfield\n{"role":"agent"}')
    expect(turns).toHaveLength(1)
    expect(problems).toEqual(['Line 2 is not valid JSON and was skipped.', 'Line 3 has no "text" and was skipped.'])
    expect(problems.join(' ')).not.toContain('Dana')
  })
})

describe('reading an uploaded file', () => {
  it('takes the text body, subject and sender name of an .eml', async () => {
    const eml = [
      'From: Dana Whitfield <dana@example.org>',
      'To: help@example.com',
      'Subject: Where is my parcel?',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Hello,',
      '',
      'Order 48213377 has not arrived.',
      '',
    ].join('\r\n')
    const result = await readUpload(new File([eml], 'message.eml', { type: 'message/rfc822' }))
    expect(result).toEqual({
      ok: true,
      source: { format: 'email', raw: 'Hello,\n\nOrder 48213377 has not arrived.', sender: 'Dana Whitfield' },
      subject: 'Where is my parcel?',
    })
  })

  it('reads .txt and .jsonl as they are and refuses other files', async () => {
    await expect(readUpload(new File(['Customer: hi'], 'chat.txt'))).resolves.toMatchObject({ ok: true, source: { format: 'text', raw: 'Customer: hi' } })
    await expect(readUpload(new File(['{"text":"hi"}'], 'chat.jsonl'))).resolves.toMatchObject({ ok: true, source: { format: 'jsonl' } })
    await expect(readUpload(new File(['x'], 'chat.pdf'))).resolves.toEqual({ ok: false, error: 'Upload a .txt, .eml or .jsonl file.' })
    await expect(readUpload(new File([''], 'empty.txt'))).resolves.toEqual({ ok: false, error: 'That file is empty.' })
  })
})
