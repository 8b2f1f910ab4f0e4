import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { WHO_SEES_SCORES } from '~/reviews/score-visibility'

describe('who sees scores', () => {
  it('the README says it in the same words as the pages', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8').replace(/\s+/g, ' ')
    expect(readme).toContain(WHO_SEES_SCORES)
  })
})
