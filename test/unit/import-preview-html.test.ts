import { describe, expect, it } from 'vitest'
import { previewTurnsHtml, replacementListHtml } from '~/scenarios/components/import-preview-html'

describe('the import preview as HTML', () => {
  it('escapes every piece of text, so a pasted conversation cannot add markup to the page', () => {
    const html = previewTurnsHtml([
      {
        role: 'customer',
        speaker: [{ text: '<b>Dana</b>', label: 'name' }],
        pieces: [{ text: `<script>alert("x")</script> & 'quotes' ` }, { text: '<img src=x>', label: 'email' }],
      },
    ])
    expect(html).not.toMatch(/<script|<img|<b>/)
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;')
    expect(html).toContain('<mark class="pii pii--email"><span class="visually-hidden">[E-mail replaced:] </span>&lt;img src=x&gt;')
  })

  it('names the role beside a speaker who is not called by it, and a turn without a speaker by its role', () => {
    const html = previewTurnsHtml([
      { role: 'agent', speaker: [{ text: 'Agent' }], pieces: [{ text: 'Hello' }] },
      { role: 'agent', speaker: [{ text: 'Alex Morgan', label: 'name' }], pieces: [{ text: 'Hi' }] },
      { role: 'note', speaker: null, pieces: [{ text: 'Call ended' }] },
    ])
    const items = html.split('</li>').filter(Boolean)
    expect(items[0]).not.toContain('import-turn__role')
    expect(items[1]).toContain('<span class="import-turn__role">our side</span>')
    expect(items[2]).toContain('<li class="import-turn import-turn--note"><p class="import-turn__who"><span>Note</span></p>')
  })
})

describe('the list of replaced values as HTML', () => {
  it('offers to keep a detected value and to unmark a marked one, with every value escaped', () => {
    const html = replacementListHtml(
      [
        { original: 'Leeds', replacement: 'Northby', label: 'place', count: 2 },
        { original: 'ziggy "z" <x>', replacement: 'Sam', label: 'name', count: 1 },
      ],
      new Map([['ziggy "z" <x>', 'Ziggy "z" <x>']]),
    )
    const [leeds, ziggy] = html.split('</li>').filter(Boolean)
    expect(leeds).toContain('<button type="submit" name="unmark" value="Leeds" class="button--quiet">Not personal — keep<span class="visually-hidden"> Leeds</span></button>')
    expect(leeds).toContain('Place · 2×')
    expect(ziggy).toContain('name="drop-extra" value="Ziggy &quot;z&quot; &lt;x&gt;"')
    expect(ziggy).toContain(' · marked by you')
    expect(ziggy).not.toContain('<x>')
  })
})
