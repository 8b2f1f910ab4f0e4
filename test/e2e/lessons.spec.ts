import type { Page } from '@playwright/test'
import { expect, expectNoAxeViolations, screenshot, test } from './fixtures'

const FIRST_LESSON = { slug: 'everyone-shapes-the-experience', title: 'Everyone here shapes what customers live through' }

async function mdxCompiles(page: Page): Promise<number> {
  // /metrics is private: the test server sets this bearer token (test/e2e/start-server.sh).
  const response = await page.request.get('/metrics', { headers: { authorization: 'Bearer e2e-metrics-token-not-secret' } })
  expect(response.ok()).toBeTruthy()
  const match = /^mdx_compiles_total (\d+)$/m.exec(await response.text())
  expect(match, 'mdx_compiles_total on /metrics').not.toBeNull()
  return Number(match![1])
}

test('the new hire follows First week: reads a lesson, keeps a private note, marks it done, and moves on', async ({ page, login }) => {
  await login('newhire@acme.test')

  await page.goto('/')
  const nextUp = page.getByTestId('next-up-step')
  await expect(nextUp).toHaveText(FIRST_LESSON.title)
  await expect(page.getByRole('progressbar', { name: 'First week progress' })).toHaveAttribute('aria-valuenow', '0')
  await expectNoAxeViolations(page)

  await page.getByRole('link', { name: 'Paths', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Onboarding paths')
  const firstWeekCard = page.locator('.path-card', { has: page.getByRole('link', { name: 'First week' }) })
  await expect(firstWeekCard.getByText(/0 of 8 steps · 0%/)).toBeVisible()
  await expect(firstWeekCard.getByText('Your path')).toBeVisible()
  await expectNoAxeViolations(page)
  await screenshot(page, 'paths')

  await page.getByRole('link', { name: 'First week' }).click()
  await expect(page).toHaveURL(/\/paths\/first-week$/)
  const bar = page.getByRole('progressbar', { name: 'First week progress' })
  await expect(bar).toHaveAttribute('aria-valuenow', '0')
  const steps = page.getByRole('list', { name: 'Steps' }).getByRole('listitem')
  await expect(steps).toHaveCount(8)
  await expect(steps.first()).toHaveAttribute('aria-current', 'step')
  await expect(steps.nth(1).getByRole('link')).toHaveAttribute('href', /^\/scenarios\//)
  await expectNoAxeViolations(page)

  await steps.first().getByRole('link', { name: FIRST_LESSON.title }).click()
  await expect(page).toHaveURL(`/lessons/${FIRST_LESSON.slug}`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(FIRST_LESSON.title)
  await expect(page.locator('.key-idea').first()).toBeVisible()
  await expect(page.locator('.practice-card').last()).toHaveAttribute('href', /^\/scenarios\/[a-z0-9-]+$/)
  await expectNoAxeViolations(page)

  // a private note: saved, shown again after a reload
  const note = 'The reminder e-mail finance sends on day 3 reads like an accusation.'
  const reflection = page.locator('form.reflection').first()
  await reflection.getByRole('textbox').fill(note)
  await reflection.getByRole('button', { name: 'Save my note' }).click()
  await expect(page.locator('form.reflection').first().getByRole('status')).toHaveText('Saved.')
  await page.reload()
  await expect(page.locator('form.reflection').first().getByRole('textbox')).toHaveValue(note)
  await expect(page.locator('form.reflection').first().getByRole('button', { name: 'Update my note' })).toBeVisible()

  // an empty note with nothing saved is refused beside the field
  const second = page.locator('form.reflection').nth(1)
  await second.getByRole('button', { name: 'Save my note' }).click()
  await expect(page.locator('form.reflection').nth(1).getByRole('alert')).toContainText('Write a few words')
  await expectNoAxeViolations(page)

  await page.getByRole('button', { name: 'Mark as done' }).click()
  await expect(page.getByRole('heading', { name: 'You finished this lesson' })).toBeVisible()
  await expect(page.locator('.lesson__meta').getByText('Finished')).toBeVisible()
  await expect(page.locator('.lesson-finish__next')).toContainText('Next up')
  await expectNoAxeViolations(page)

  await page.goto('/paths/first-week')
  await expect(bar).toHaveAttribute('aria-valuenow', '13')
  await expect(page.getByText('1 of 8 steps · 13%')).toBeVisible()
  await expect(steps.first()).toHaveClass(/path-step--done/)
  await expect(steps.nth(1)).toHaveAttribute('aria-current', 'step')
  await screenshot(page, 'path-first-week')

  await page.goto('/')
  await expect(nextUp).not.toHaveText(FIRST_LESSON.title)
  await expect(page.getByRole('progressbar', { name: 'First week progress' })).toHaveAttribute('aria-valuenow', '13')
  await expect(page.getByText('Step 2 of 8')).toBeVisible()
  await expectNoAxeViolations(page)
  await screenshot(page, 'home-next-up')

  await page.setViewportSize({ width: 390, height: 844 })
  await page.goto('/paths/first-week')
  await screenshot(page, 'path-first-week-phone')
})

test('the lesson library, plain and filtered, passes axe; finished lessons carry a tick', async ({ page, login }) => {
  await login('newhire@acme.test')
  await page.goto('/lessons')
  await expectNoAxeViolations(page)
  // the journey above finished the first lesson
  const done = page.locator('.lesson-card', { has: page.getByRole('link', { name: FIRST_LESSON.title }) })
  await expect(done.locator('.lesson-tick')).toHaveText('✓Finished')
  await screenshot(page, 'lessons')
  await page.getByLabel('Search by title or tag').fill('finance')
  await page.getByRole('button', { name: 'Search' }).click()
  await expect(page).toHaveURL(/q=finance/)
  await expectNoAxeViolations(page)
  await page.setViewportSize({ width: 390, height: 844 })
  await screenshot(page, 'lessons-phone')
})

// axe runs inside the page, so it cannot run here; the pages are checked with JavaScript above and below.
test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('the lesson library lists every lesson, and search and tags filter it', async ({ page, login }) => {
    await login('newhire@acme.test')
    await page.goto('/lessons')
    const cards = page.locator('.lesson-card')
    const all = await cards.count()
    expect(all).toBeGreaterThanOrEqual(10)
    await expect(cards.first().getByText(/\d+ min read/)).toBeVisible()

    await page.getByLabel('Search by title or tag').fill('silence')
    await page.getByRole('button', { name: 'Search' }).click()
    await expect(page).toHaveURL(/\/lessons\?q=silence$/)
    // Without JavaScript the URL changes as the new page starts arriving: count once it has loaded.
    await page.waitForLoadState('load')
    const found = await cards.count()
    expect(found).toBeGreaterThanOrEqual(1)
    expect(found).toBeLessThan(all)
    await expect(page.getByRole('link', { name: /silence/i }).first()).toBeVisible()
    await expect(page.getByRole('status')).toContainText(`${found} of ${all} lessons match “silence”`)

    await page.getByRole('link', { name: 'Show all lessons' }).click()
    await page.getByRole('navigation', { name: 'Filter by tag' }).getByRole('link', { name: /^finance/ }).click()
    await expect(page).toHaveURL(/tag=finance/)
    await page.waitForLoadState('load')
    const tagged = await cards.count()
    expect(tagged).toBeGreaterThanOrEqual(1)
    expect(tagged).toBeLessThan(all)

    await page.getByLabel('Search by title or tag').fill('zzz-nothing-like-this')
    await page.getByRole('button', { name: 'Search' }).click()
    await expect(page.getByText('No lesson matches that.')).toBeVisible()
  })

  test('a lesson page is server-rendered HTML, never raw MDX, and a note saves without JavaScript', async ({ page, login }) => {
    await login('member@acme.test')
    const response = await page.goto('/lessons/what-silence-says')
    expect(response?.status()).toBe(200)
    const html = await page.content()
    expect(html).toContain('class="key-idea"')
    expect(html).toContain('class="example"')
    expect(html).not.toMatch(/<KeyIdea|&lt;KeyIdea|<Example |<Reflection |<Practice /)
    await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible()

    const reflection = page.locator('form.reflection').first()
    await reflection.getByRole('textbox').fill('Their silence told me they had stopped caring.')
    await reflection.getByRole('button', { name: 'Save my note' }).click()
    await expect(page.locator('form.reflection').first().getByRole('textbox')).toHaveValue('Their silence told me they had stopped caring.')
    await expect(page.locator('form.reflection').first().getByRole('status')).toHaveText('Saved.')
  })

  test('another person never sees the new hire’s note', async ({ page, login }) => {
    await login('maya@acme.test')
    await page.goto(`/lessons/${FIRST_LESSON.slug}`)
    await expect(page.locator('form.reflection').first().getByRole('textbox')).toHaveValue('')
  })
})

test('a missing lesson is a friendly 404', async ({ page, login }) => {
  await login('newhire@acme.test')
  const response = await page.goto('/lessons/no-such-lesson')
  expect(response?.status()).toBe(404)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('We could not find that page')
  await expect(page.getByText('There is no lesson “no-such-lesson”')).toBeVisible()
  await expectNoAxeViolations(page)
})

test('lessons are compiled before any request: many lesson requests add no MDX compiles', async ({ page, login }) => {
  await login('newhire@acme.test')
  // `npm run build` compiled them (0 here), or the start did when content changed since the build.
  const before = await mdxCompiles(page)
  const slugs = ['everyone-shapes-the-experience', 'what-silence-says', 'mood-and-context', 'automation-that-helps', 'parting-ways-gracefully']
  for (let i = 0; i < 200; i++) {
    const response = await page.request.get(`/lessons/${slugs[i % slugs.length]}`)
    expect(response.status()).toBe(200)
  }
  expect(await mdxCompiles(page)).toBe(before)
})

test('the lesson page reads well on a desktop and on a phone, with examples stacking on the phone', async ({ page, login }) => {
  await login('member@acme.test')
  await page.setViewportSize({ width: 1280, height: 900 })
  await page.goto('/lessons/what-silence-says')
  const example = page.locator('.example').first()
  const cold = example.locator('.example__column--cold')
  const warm = example.locator('.example__column--warm')
  let coldBox = (await cold.boundingBox())!
  let warmBox = (await warm.boundingBox())!
  expect(Math.abs(coldBox.y - warmBox.y), 'side by side on a desktop').toBeLessThan(2)
  expect(warmBox.x).toBeGreaterThan(coldBox.x + coldBox.width - 1)
  await screenshot(page, 'lesson-desktop')

  await page.setViewportSize({ width: 390, height: 844 })
  await page.goto('/lessons/what-silence-says')
  coldBox = (await cold.boundingBox())!
  warmBox = (await warm.boundingBox())!
  expect(warmBox.y, 'stacked on a phone').toBeGreaterThan(coldBox.y + coldBox.height - 1)
  // nothing wider than the screen
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  expect(overflow).toBeLessThanOrEqual(0)
  await expectNoAxeViolations(page)
  await screenshot(page, 'lesson-phone')
})

test('a manager sees who is where on onboarding, with the new hire listed', async ({ page, login }) => {
  await login('manager@acme.test')
  await page.goto('/')
  await expect(page.getByRole('heading', { name: 'Onboarding in your teams' })).toBeVisible()
  await page.getByRole('link', { name: 'See who is where' }).click()
  await expect(page).toHaveURL('/team/onboarding')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Team onboarding')
  const row = page.getByRole('row', { name: /Sam Okafor/ })
  await expect(row).toBeVisible()
  await expect(row.getByRole('link', { name: 'First week' })).toBeVisible()
  await expect(row.getByRole('progressbar')).toBeVisible()
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Onboarding' })).toBeVisible()
  await expectNoAxeViolations(page)
  await screenshot(page, 'team-onboarding')

  await page.setViewportSize({ width: 390, height: 844 })
  await screenshot(page, 'team-onboarding-phone')
})

test('members cannot open team onboarding', async ({ page, login }) => {
  await login('member@acme.test')
  const response = await page.goto('/team/onboarding')
  expect(response?.status()).toBe(403)
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Onboarding' })).toHaveCount(0)
})
