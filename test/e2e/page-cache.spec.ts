import { expect, test } from './fixtures'

// The page cache in a real browser: a page sent again from memory carries this response's CSP
// nonce (so its scripts run and the app hydrates), and what a person just did shows at once.
test('a page answered from memory still runs its scripts, and a lesson just finished shows as finished', async ({ page, login }) => {
  const refused: string[] = []
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) refused.push(message.text())
  })
  await login('member@acme.test')
  // The first visits of a session write (its user agent, "last seen"), and only an answer sent in
  // full is kept: fetch the page whole, then open it, until the opening is a copy.
  const openedFromCache = async () => {
    await (await page.request.get('/lessons')).body()
    return (await page.goto('/lessons'))?.headers()['server-timing'] ?? ''
  }
  await expect.poll(openedFromCache, { timeout: 30_000 }).toContain('cache;desc="hit"')
  // Remix only builds its router once the inline scripts ran under the page's nonce.
  await expect.poll(() => page.evaluate(() => '__remixRouter' in window)).toBe(true)
  expect(refused).toEqual([])

  const unfinished = page.locator('.lesson-card').filter({ hasNot: page.locator('.lesson-tick') }).first()
  const link = unfinished.getByRole('link').first()
  const title = (await link.textContent())!.trim()
  await link.click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title)
  await page.getByRole('button', { name: 'Mark as done' }).click()
  await expect(page.getByRole('heading', { name: 'You finished this lesson' })).toBeVisible()

  // Back to the library in the app (its data fetched again), then as a new document.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Lessons', exact: true }).click()
  const card = page.locator('.lesson-card', { has: page.getByRole('link', { name: title }) })
  await expect(card.locator('.lesson-tick')).toHaveText('✓Finished')
  await page.reload()
  await expect(card.locator('.lesson-tick')).toHaveText('✓Finished')
  expect(refused).toEqual([])
})
