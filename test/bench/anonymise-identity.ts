/**
 * A speed change to the anonymiser must leave its output byte-identical. This saves what the
 * bundled CLI writes (stdout, stderr, exit code) and the evaluation's figures, then compares a
 * later build against them:
 *   - every evaluation text (anonymise-eval.ts --dump), without and with two `--agent` names;
 *   - half of them again with per-line "agentNames" and "ignore", bad and blank lines between;
 *   - 1 MB each of the benchmark's typical and dense input (anonymise-inputs.ts);
 *   - the figures `anonymise-eval.ts` prints, without its timings.
 *
 *   npx tsx test/bench/anonymise-identity.ts save DIR      before the change (writes DIR)
 *   npx tsx test/bench/anonymise-identity.ts compare DIR   after each step (exit 1 on a difference)
 *   (ANONYMISER_SHARED_DIR as for anonymise-eval.ts; the inputs are made once, by save)
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { abcdMessages, jsonl, labelledMessages } from './anonymise-inputs'

const [mode, dir] = process.argv.slice(2)
if ((mode !== 'save' && mode !== 'compare') || !dir) {
  console.error('usage: npx tsx test/bench/anonymise-identity.ts save|compare DIR')
  process.exit(2)
}
const root = fileURLToPath(new URL('../..', import.meta.url))
const shared = process.env.ANONYMISER_SHARED_DIR ?? `${root}../shared`
const inputs = `${dir}/inputs`
const outputs = `${dir}/${mode === 'save' ? 'expected' : 'actual'}`

/** The evaluation texts with per-line options, bad lines and blank lines mixed in (deterministic). */
function withLineOptions(evalLines: readonly string[]): string {
  const out: string[] = []
  evalLines.forEach((line, i) => {
    const record = JSON.parse(line) as { id: string; text: string; agentNames?: string[]; ignore?: string[] }
    const capitalised = record.text.match(/\b\p{Lu}\p{Ll}+\b/gu) ?? []
    if (i % 3 === 0 && capitalised.length > 0) record.agentNames = [`${capitalised[i % capitalised.length]} ${capitalised[(i + 1) % capitalised.length]}`]
    if (i % 4 === 1 && capitalised.length > 0) record.ignore = [capitalised[(i * 7) % capitalised.length]]
    if (i % 2 === 0) out.push(JSON.stringify(record))
    if (i % 97 === 0) out.push('{not json', '[1,2]', '{"id":3}', '{"id":4,"text":5}', '   ')
  })
  return out.join('\n') + '\n'
}

/** The evaluation's printout without its timings ("775 texts, …, 1161 ms"). */
function evaluate(dumpFile?: string): string {
  const args = ['tsx', 'test/bench/anonymise-eval.ts', ...(dumpFile ? ['--dump', dumpFile] : [])]
  const run = spawnSync('npx', args, { cwd: root, encoding: 'utf8', env: { ...process.env, ANONYMISER_SHARED_DIR: shared }, maxBuffer: 1 << 26 })
  if (run.status !== 0) throw new Error(`anonymise-eval.ts failed: ${run.stderr}`)
  return run.stdout.replace(/, \d+ ms\b/g, '')
}

if (mode === 'save') {
  mkdirSync(inputs, { recursive: true })
  const figures = evaluate(`${inputs}/eval.jsonl`)
  writeFileSync(`${inputs}/options.jsonl`, withLineOptions(readFileSync(`${inputs}/eval.jsonl`, 'utf8').split('\n').filter(Boolean)))
  const labelled = labelledMessages(root)
  writeFileSync(`${inputs}/typical.jsonl`, jsonl(abcdMessages(`${shared}/data`) ?? labelled, 1e6))
  writeFileSync(`${inputs}/dense.jsonl`, jsonl(labelled, 1e6))
  mkdirSync(outputs, { recursive: true })
  writeFileSync(`${outputs}/eval-figures.txt`, figures)
} else {
  if (!existsSync(`${dir}/expected`)) throw new Error(`${dir}/expected is missing: run save first`)
  mkdirSync(outputs, { recursive: true })
  writeFileSync(`${outputs}/eval-figures.txt`, evaluate())
}

spawnSync(process.execPath, ['app/anonymiser/build.mjs'], { cwd: root, stdio: 'ignore' })
const runs: Array<[string, string, string[]]> = [
  ['eval', 'eval.jsonl', []],
  ['eval-agents', 'eval.jsonl', ['--agent', 'Sarah Johnson', '--agent', 'Mike']],
  ['options', 'options.jsonl', []],
  ['typical', 'typical.jsonl', []],
  ['dense', 'dense.jsonl', []],
]
for (const [name, input, args] of runs) {
  const run = spawnSync(process.execPath, ['build/anonymiser/cli.js', '--jsonl', ...args], { cwd: root, input: readFileSync(`${inputs}/${input}`), maxBuffer: 1 << 28 })
  writeFileSync(`${outputs}/${name}.out`, run.stdout)
  writeFileSync(`${outputs}/${name}.err`, `${run.stderr}exit ${run.status}\n`)
}

if (mode === 'compare') {
  let same = true
  for (const file of ['eval-figures.txt', ...runs.flatMap(([name]) => [`${name}.out`, `${name}.err`])]) {
    const expected = readFileSync(`${dir}/expected/${file}`)
    const actual = readFileSync(`${outputs}/${file}`)
    if (expected.equals(actual)) continue
    same = false
    const a = expected.toString('utf8').split('\n')
    const b = actual.toString('utf8').split('\n')
    const line = a.findIndex((l, i) => l !== b[i])
    console.log(`${file}: differs, first at line ${(line < 0 ? Math.min(a.length, b.length) : line) + 1}`)
  }
  const bytes = runs.reduce((sum, [name]) => sum + readFileSync(`${outputs}/${name}.out`).length, 0)
  console.log(same ? `identical: ${runs.length} CLI runs (${(bytes / 1e6).toFixed(2)} MB of output) and the evaluation's figures` : 'NOT identical')
  process.exitCode = same ? 0 : 1
} else console.log(`saved to ${dir}/expected`)
