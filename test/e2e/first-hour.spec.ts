import type { Page } from '@playwright/test'
import { DEMO_REPLIES } from '../../app/demo/demo-replies'
import { WHO_SEES_SCORES, WHY_YOU_SEE_THESE_SCORES } from '../../app/reviews/score-visibility'
import { expect, expectNoAxeViolations, screenshotBothWidths, test } from './fixtures'

// The first hour of a company on Rapport, as each demo login: the phone menu, who sees scores, the
// deciding review and answered disputes, calibration that does not repeat, headings that say what
// they show, and the small things a first walk notices. It changes demo data, so it runs in order.
test.describe.configure({ mode: 'serial' })

const PHONE = { width: 390, height: 844 }

async function openNotification(page: Page, title: RegExp) {
  await page.goto('/notifications')
  await Promise.all([page.waitForURL(/\/replies\//), page.getByRole('button', { name: title }).first().click()])
}

test.describe('the phone menu', () => {
  test.use({ viewport: PHONE })

  test('opens the full navigation from a Menu button, by keyboard, and closes after following a link', async ({ page, login }) => {
    await login('admin@acme.test')
    await page.goto('/')
    const nav = page.getByRole('navigation', { name: 'Main' })
    const menu = nav.getByText('Menu', { exact: true })
    await expect(menu).toBeVisible()
    // Only the menu's links are in the accessibility tree on a phone; none is visible until it opens.
    await expect(nav.getByRole('link', { name: 'Admin' })).toBeHidden()
    await menu.focus()
    await page.keyboard.press('Enter')
    for (const label of ['Home', 'Lessons', 'Paths', 'Scenarios', 'Reviews', 'Insights', 'Import', 'Onboarding', 'Admin']) {
      await expect(nav.getByRole('link', { name: label, exact: true })).toBeVisible()
    }
    await expect(nav.getByRole('button', { name: 'Sign out' })).toBeVisible()
    await expectNoAxeViolations(page)
    await page.screenshot({ path: 'test/.artifacts/screens/menu-open-390.png' })
    await page.keyboard.press('Escape')
    await expect(nav.getByRole('link', { name: 'Admin' })).toBeHidden()
    await menu.click()
    await nav.getByRole('link', { name: 'Admin' }).click()
    await expect(page).toHaveURL(/\/admin$/)
    await expect(nav.getByRole('link', { name: 'Insights' })).toBeHidden()
  })

  test('people and onboarding tables become cards that fit the screen', async ({ page, login }) => {
    await login('admin@acme.test')
    for (const url of ['/admin', '/team/onboarding']) {
      await page.goto(url)
      await expect(page.locator('table.table--cards thead').first()).toHaveCSS('position', 'absolute')
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
      await expectNoAxeViolations(page)
    }
    await expect(page.getByRole('row', { name: /Sam Okafor/ }).locator('td[data-label="Status"]')).toBeVisible()
    await screenshotBothWidths(page, 'team-onboarding')
    await page.goto('/admin')
    await screenshotBothWidths(page, 'admin-people')
  })

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false })

    test('the menu still opens and its links work', async ({ page, login }) => {
      await login('member@acme.test')
      await page.goto('/')
      const nav = page.getByRole('navigation', { name: 'Main' })
      await nav.getByText('Menu', { exact: true }).click()
      await nav.getByRole('link', { name: 'Reviews', exact: true }).click()
      await expect(page).toHaveURL(/\/reviews$/)
    })
  })
})

test('on a wide screen every item is in the bar and there is no menu button', async ({ page, login }) => {
  await login('manager@acme.test')
  await page.goto('/')
  const nav = page.getByRole('navigation', { name: 'Main' })
  await expect(nav.getByText('Menu', { exact: true })).toBeHidden()
  for (const label of ['Home', 'Lessons', 'Paths', 'Scenarios', 'Reviews', 'Insights', 'Import', 'Onboarding', 'Invite']) {
    await expect(nav.getByRole('link', { name: label, exact: true })).toBeVisible()
  }
})

test('every demo login finds something in the bell', async ({ page, login }) => {
  for (const email of ['admin@acme.test', 'manager@acme.test', 'newhire@acme.test', 'member@acme.test']) {
    await page.context().clearCookies()
    await login(email)
    await page.goto('/')
    await expect(page.getByRole('link', { name: /Notifications, \d+ unread/ }), email).toBeVisible()
  }
})

test('who sees scores is said in the same words on the home page, a reply and the insights help', async ({ page, login }) => {
  await login('member@acme.test')
  await page.goto('/')
  await expect(page.getByText(WHO_SEES_SCORES)).toBeVisible()
  await openNotification(page, /Your feedback is ready/)
  await expect(page.getByText(WHO_SEES_SCORES)).toBeVisible()
  await page.goto('/insights')
  await page.getByText('What is the customer-centricity index (CCI)?').click()
  await expect(page.getByText(WHO_SEES_SCORES)).toBeVisible()

  await page.context().clearCookies()
  await login('manager@acme.test')
  await openNotification(page, /Hana Sato disagrees/)
  await expect(page.getByText(WHY_YOU_SEE_THESE_SCORES)).toBeVisible()
  // The demo's replies are written for their scenario: the one shown is one of that scenario's own.
  const slug = (await page.locator('.feedback-page > p.small a').first().getAttribute('href'))!.replace('/scenarios/', '')
  const shown = (await page.locator('.annotated__sentence').allTextContents()).join('').replace(/\s/g, '')
  expect(Object.values(DEMO_REPLIES[slug]).map((text) => text.replace(/\s/g, ''))).toContain(shown)
})

test('insights headings say whose teams they show', async ({ page, login }) => {
  const expected: [string, RegExp][] = [
    ['member@acme.test', /^Customer-centricity in your team$/],
    ['manager@acme.test', /^Customer-centricity: your teams in full, the others in aggregate$/],
    ['admin@acme.test', /^Customer-centricity, every team$/],
  ]
  for (const [email, heading] of expected) {
    await page.context().clearCookies()
    await login(email)
    await page.goto('/insights')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading)
    if (email === 'manager@acme.test') {
      await expect(page.getByText(/For the other teams you see their CCI, its trend, participation and reviews given only/)).toBeVisible()
      await expect(page.getByText('aggregate only').first()).toBeVisible()
      await screenshotBothWidths(page, 'insights-manager')
    }
    if (email === 'member@acme.test') {
      await expect(page.getByRole('heading', { level: 2, name: /^Your team in / })).toBeVisible()
      await expect(page.getByRole('heading', { level: 3 })).toHaveText(['Support'])
    }
  }
  await expect(page.getByText('no change figure')).toHaveCount(0)
})

test('Marketing’s manager reviewed the split reply herself, so the admin adds the deciding review', async ({ page, login }) => {
  await login('admin@acme.test')
  await openNotification(page, /Reviewers disagreed widely on a reply to “A thank-you for the bug fix”/)
  const replyUrl = page.url()

  await page.context().clearCookies()
  await login('nina@acme.test')
  await page.goto('/notifications')
  await expect(page.getByRole('button', { name: /Reviewers disagreed widely/ })).toHaveCount(0)
  await page.goto(replyUrl)
  await expect(page.getByRole('heading', { name: 'Another manager or an admin decides this one' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Submit deciding review' })).toHaveCount(0)
  await screenshotBothWidths(page, 'deciding-review-elsewhere')

  await page.context().clearCookies()
  await login('admin@acme.test')
  await page.goto(replyUrl)
  await expect(page.getByText('Reviewers disagreed', { exact: true })).toBeVisible()
  const form = page.locator('form', { has: page.getByRole('button', { name: 'Submit deciding review' }) })
  await form.getByRole('button', { name: 'Submit deciding review' }).click()
  await expect(page.getByRole('alert').first()).toBeVisible()
  for (const radio of await form.locator('input[type=radio][value="3"]').all()) await radio.check()
  await form.getByLabel('Comment on warmth and tone').fill('Warm and glad, which is right; naming Dev and her screenshots would make it personal.')
  await screenshotBothWidths(page, 'deciding-review-form')
  await form.getByRole('button', { name: 'Submit deciding review' }).click()
  await expect(page.getByText('Settled by a deciding review')).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Deciding review (manager)' })).toBeVisible()
  await expect(page.locator('.score-summary__number strong')).toHaveText('67')
  await expect(page.getByRole('button', { name: 'Submit deciding review' })).toHaveCount(0)
  await screenshotBothWidths(page, 'deciding-review-settled')
  await page.goto('/notifications')
  await expect(page.getByText('You are all caught up.')).toBeVisible()

  await page.context().clearCookies()
  await login('owen@acme.test')
  await openNotification(page, /A manager added a deciding review/)
  expect(page.url()).toBe(replyUrl)
})

test('Support’s manager, who did not review the split reply, is offered the deciding review', async ({ page, login }) => {
  await login('manager@acme.test')
  await openNotification(page, /Reviewers disagreed widely on a reply to “A lamp that arrived in pieces”/)
  await expect(page.getByRole('heading', { name: 'Add a deciding review' })).toBeVisible()
})

test('a manager answers a disagreement and the writer reads the answer', async ({ page, login }) => {
  await login('manager@acme.test')
  await openNotification(page, /Hana Sato disagrees/)
  const replyUrl = page.url()
  const card = page.locator('article.review-card', { hasText: 'The writer disagreed' })
  await card.getByText('Mark this disagreement resolved').click()
  await card.getByRole('button', { name: 'Mark resolved' }).click()
  await expect(card.getByRole('alert')).toContainText('Write a short note')
  await card.getByLabel('Your note to the writer').fill('Fair point: both timings are there. I have asked the reviewers to look again at level 4.')
  await card.getByRole('button', { name: 'Mark resolved' }).click()
  await expect(card.getByText(/Your answer: “Fair point/)).toBeVisible()
  await screenshotBothWidths(page, 'dispute-resolved-manager')

  await page.context().clearCookies()
  await login('hana@acme.test')
  await openNotification(page, /Your manager answered your disagreement/)
  expect(page.url()).toBe(replyUrl)
  await expect(page.getByText(/Your manager’s answer: “Fair point/)).toBeVisible()
})

test('calibration offers a new set on every try and shows the reply beside each result, also on a phone', async ({ page, login }) => {
  await login('newhire@acme.test')
  const seen: string[][] = []
  for (let attempt = 0; attempt < 3; attempt++) {
    await page.goto('/reviews/calibration')
    const ids = await page.locator('input[type=hidden][name=item]').evaluateAll((els) => els.map((el) => (el as HTMLInputElement).value))
    expect(ids).toHaveLength(3)
    seen.push(ids)
    for (const radio of await page.locator('.calibration-form input[type=radio][value="2"]').all()) await radio.check()
    await page.getByRole('button', { name: 'Compare with the experts' }).click()
    await expect(page.getByRole('heading', { level: 2, name: /Not quite yet|You passed/ })).toBeVisible()
    await expect(page.getByText('The reply you scored')).toHaveCount(3)
    if (attempt === 0) await screenshotBothWidths(page, 'calibration-result')
  }
  expect(new Set(seen.flat()).size).toBe(9)
})

test.describe('small things', () => {
  test('the import page says what happens to the pasted text', async ({ page, login }) => {
    await login('manager@acme.test')
    await page.goto('/scenarios/import')
    await expect(page.getByText(/the text is sent to our server, anonymised there in memory/)).toBeVisible()
    await expect(page.getByText(/stays in your browser/)).toHaveCount(0)
  })

  test('a lesson on the new hire’s path leads to the path’s next step, and next up is not the same lesson', async ({ page, login }) => {
    await login('newhire@acme.test')
    await page.goto('/lessons/everyone-shapes-the-experience')
    const next = page.getByRole('link', { name: /Next in First week →/ })
    await expect(next).toHaveAttribute('href', '/scenarios/bounced-sales-email')
    await expect(page.locator('.lesson-finish__next')).not.toContainText('Everyone here shapes')
    await screenshotBothWidths(page, 'lesson-on-path')
  })

  test('the scenario library marks scenarios the person replied to', async ({ page, login }) => {
    await login('member@acme.test')
    await page.goto('/scenarios')
    await expect(page.locator('.scenario-card__done').first()).toBeVisible()
    await screenshotBothWidths(page, 'scenario-library')
  })

  test('the SMS counter counts what the server will count', async ({ page, login }) => {
    await login('leo@acme.test')
    await page.goto('/scenarios/sms-missed-engineer-visit')
    const box = page.getByLabel('Write your text message reply to Callum.')
    await box.fill(`${'a'.repeat(320)}\n\n`)
    await expect(page.locator('#reply-counter')).toHaveText('320 / 320 characters')
    await box.fill('a'.repeat(321))
    await expect(page.locator('#reply-counter')).toHaveText('321 / 320 characters · 1 over the limit')
  })
})
