import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { anonymise } from '~/anonymiser'

const root = fileURLToPath(new URL('../..', import.meta.url))

function runCli(args: string[], input = '') {
  const result = spawnSync(process.execPath, ['app/anonymiser/cli-launcher.mjs', ...args], {
    cwd: root,
    input,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, FORCE_COLOR: '0' },
  })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

interface OutputLine {
  id: unknown
  text: string
  spans: Array<{ start: number; end: number; label: string; replacement: string }>
}

describe('anonymise CLI (--jsonl)', () => {
  it('anonymises good lines in order, reports the bad line by number, and exits 1', () => {
    const first = { id: 'a1', text: 'Hi, my name is Dana Whitfield, call me on 07700 900461.' }
    const third = { id: 3, text: 'Username: cminh730\nOrder ID: 3348917502' }
    const input = `${JSON.stringify(first)}\n{"id": 2, "text": "Priya Raman said hi\n\n${JSON.stringify(third)}\n`
    const { code, stdout, stderr } = runCli(['--jsonl'], input)

    const lines = stdout.trim().split('\n')
    expect(lines).toHaveLength(2)
    const [out1, out3] = lines.map((l) => JSON.parse(l) as OutputLine)
    expect(out1.id).toBe('a1')
    expect(out3.id).toBe(3)
    // offsets point into the input text
    expect(out1.spans.map((s) => [s.label, first.text.slice(s.start, s.end)])).toEqual([
      ['name', 'Dana Whitfield'],
      ['phone', '07700 900461'],
    ])
    expect(out3.spans.map((s) => [s.label, third.text.slice(s.start, s.end)])).toEqual([
      ['username', 'cminh730'],
      ['account_number', '3348917502'],
    ])
    expect(out1.text).not.toContain('Dana')
    expect(out1.text).toContain('[phone]')
    expect(out3.text).not.toContain('cminh730')

    expect(stderr).toMatch(/line 2\b/)
    // the bad line's content is never echoed (it may hold personal data)
    expect(stderr).not.toContain('Priya')
    expect(code).toBe(1)
  })

  it('exits 0 when every line is good, and skips blank lines', () => {
    const input = `\n${JSON.stringify({ id: 1, text: 'Call me on +44 20 7946 0321' })}\n\n`
    const { code, stdout } = runCli(['--jsonl'], input)
    expect(code).toBe(0)
    const lines = stdout.trim().split('\n')
    expect(lines).toHaveLength(1)
    expect((JSON.parse(lines[0]) as OutputLine).text).toBe('Call me on [phone]')
  })

  it('a line without "text" is reported with its number', () => {
    const { code, stdout, stderr } = runCli(['--jsonl'], '{"id": 1, "text": "ok"}\n{"id": 2}\n')
    expect(stdout.trim().split('\n')).toHaveLength(1)
    expect(stderr).toMatch(/line 2: missing "text"/)
    expect(code).toBe(1)
  })

  it('a large input goes through worker threads and comes out in order, the same as one call per line', () => {
    const names = ['Dana Whitfield', 'Priya Raman', 'Tomasz Nowak', 'Aiko Tanaka', 'Lars Eriksen']
    const texts = Array.from({ length: 400 }, (_, i) =>
      [
        `Customer: Hi, this is ${names[i % names.length]}, my order ${4_400_000 + i} never arrived.`,
        `Agent: Sorry about that! Can you confirm the e-mail on the account?`,
        `Customer: sure, it is user${i}@example.com and my phone is 07700 900${String(i).padStart(3, '0')}.`,
      ].join('\n'),
    )
    const lines = texts.map((text, i) => JSON.stringify({ id: i, text }))
    // two bad lines in different batches: their numbers count every input line, blank ones too
    lines.splice(10, 0, '{"id": "bad-early"')
    lines.splice(300, 0, '', '["not an object"]')
    const { code, stdout, stderr } = runCli(['--jsonl'], `${lines.join('\n')}\n`)

    const expected = texts.map((text, i) => {
      const result = anonymise(text, { agentNames: [] })
      return JSON.stringify({ id: i, text: result.text, spans: result.spans })
    })
    expect(stdout.trim().split('\n')).toEqual(expected)
    expect(stderr).toMatch(/line 11: not valid JSON/)
    expect(stderr).toMatch(/line 302: not a JSON object/)
    expect(code).toBe(1)
  })

  it('--help prints the usage', () => {
    const { code, stdout } = runCli(['--help'])
    expect(code).toBe(0)
    expect(stdout).toMatch(/^Usage: npm run -s anonymise -- --jsonl/)
    expect(stdout).toContain('Exit codes')
  })
})
