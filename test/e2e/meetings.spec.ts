import fs from 'node:fs'
import type { Browser, Page } from '@playwright/test'
import { expect, expectNoAxeViolations, test } from './fixtures'

const PHONE = { width: 390, height: 844 }
const CRITERIA = ['empathy', 'warmth', 'ownership', 'next-step', 'context']
const shots = process.env.SHOTS_DIR
const shot = async (page: Page, name: string) => {
  if (shots) {
    fs.mkdirSync(shots, { recursive: true })
    await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true })
  }
}

/** A second person on their own device: a new browser context signed in through the test hook. */
async function signedIn(browser: Browser, baseURL: string, email: string) {
  const context = await browser.newContext({ baseURL })
  const page = await context.newPage()
  const response = await page.request.post('/__test/session', { data: { email } })
  const { token } = (await response.json()) as { token: string }
  await context.addCookies([
    { name: 'rapport_session', value: token, domain: new URL(baseURL).hostname, path: '/', httpOnly: true, sameSite: 'Lax' },
  ])
  return page
}

async function vote(page: Page, level: number) {
  for (const criterion of CRITERIA) await page.locator(`input[name="level.${criterion}"][value="${level}"]`).check()
  await page.getByRole('button', { name: 'Cast my vote' }).click()
  await expect(page.getByText('Your vote is in.')).toBeVisible()
}

test('the manager sees Support’s scheduled meeting with its agenda and last month’s held one', async ({ page, login }) => {
  await login('manager@acme.test')
  await page.goto('/')
  await page.getByRole('link', { name: 'Meetings' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Review meetings')
  const support = page.getByRole('region', { name: 'Support' })
  await expect(support.getByText(/First Tuesday of the month, 10:00/)).toBeVisible()
  await expect(support.getByRole('link', { name: /meeting$/ }).first()).toBeVisible()
  await expect(support.getByText(/5 attended/)).toBeVisible()
  await expectNoAxeViolations(page)
  await shot(page, 'meetings-desktop')
  await page.setViewportSize(PHONE)
  await shot(page, 'meetings-phone')
  await page.setViewportSize({ width: 1280, height: 900 })

  // Last month's, held: its summary with the actions, one tied to a metric.
  await support.getByRole('listitem').getByRole('link').first().click()
  await expect(page.getByRole('heading', { name: 'Summary' })).toBeVisible()
  await expect(page.getByText('Own the fix in every delayed-order reply', { exact: false }).first()).toBeVisible()
  await expect(page.getByText(/Target: Ownership and follow-through \+5 by next month|Target: Ownership/).first()).toBeVisible()
  await expectNoAxeViolations(page)
  await shot(page, 'meeting-held-desktop')
})

test('a live meeting: the participant follows the step change without reloading, both vote, the reveal shows the spread, the summary and Markdown hold the actions', async ({
  page,
  login,
  browser,
  baseURL,
}) => {
  await login('manager@acme.test')
  await page.goto('/meetings')
  await page
    .getByRole('region', { name: 'Support' })
    .getByRole('link', { name: /meeting$/ })
    .first()
    .click()
  await expect(page.getByRole('heading', { name: 'Prepare the meeting' })).toBeVisible()
  const meetingUrl = new URL(page.url()).pathname
  await expect(page.getByRole('heading', { name: /Last month’s action items/ })).toBeVisible()
  await expect(page.getByText(/Met|Not met|Not enough data/).first()).toBeVisible()
  await page.getByLabel('Add a discussion point').fill('Weekend cover for the chat queue')
  await page.getByRole('button', { name: 'Add point' }).click()
  await expect(page.getByRole('heading', { name: /Weekend cover for the chat queue/ })).toBeVisible()
  await page.getByText('Choose what the room calibrates on').click()
  // A gold example whose expert empathy level is 1 (asserted at the reveal).
  await page.getByLabel('Calibration item').selectOption('gold:late-delivery-weak')
  await page.getByRole('button', { name: 'Use this item' }).click()
  await expect(page.getByText(/A gold example to/)).toBeVisible()
  await expectNoAxeViolations(page)
  await shot(page, 'meeting-prepare-desktop')

  const participant = await signedIn(browser, baseURL!, 'member@acme.test')
  await participant.goto(meetingUrl)
  await expect(participant.getByText(/The facilitator starts the meeting/)).toBeVisible()
  // Marks this document: it survives only if the page is never reloaded.
  await participant.evaluate(() => ((window as unknown as { followed: boolean }).followed = true))

  await page.getByRole('button', { name: 'Start the meeting' }).click()
  await expect(page.getByRole('heading', { level: 2, name: 'Customer-centricity index' })).toBeVisible()
  await expect(participant.getByRole('heading', { level: 2, name: 'Customer-centricity index' })).toBeVisible()
  await page.getByRole('button', { name: 'Next step' }).click()
  await expect(participant.getByRole('heading', { level: 2, name: 'Criterion by criterion' })).toBeVisible()
  expect(await participant.evaluate(() => (window as unknown as { followed?: boolean }).followed)).toBe(true)
  await expectNoAxeViolations(participant)
  await shot(participant, 'meeting-live-participant')
  await participant.setViewportSize(PHONE)
  await shot(participant, 'meeting-live-participant-phone')

  await page.getByRole('navigation', { name: 'Agenda steps' }).getByRole('button', { name: 'Blind group calibration' }).click()
  await expect(participant.getByRole('heading', { level: 2, name: 'Blind group calibration' })).toBeVisible()
  await vote(page, 2)
  await vote(participant, 1)
  await expect(page.getByText(/2\s*votes so far/)).toBeVisible()
  await page.getByRole('button', { name: 'Reveal the votes' }).click()
  await expect(page.getByText(/needs at least 3 votes/).first()).toBeVisible()
  const third = await signedIn(browser, baseURL!, 'maya@acme.test')
  await third.goto(meetingUrl)
  await vote(third, 2)
  await expect(page.getByText(/3\s*votes so far/)).toBeVisible()
  await page.getByRole('button', { name: 'Reveal the votes' }).click()
  await expect(participant.getByRole('heading', { name: 'How the room scored it' })).toBeVisible()
  const empathy = participant.locator('[data-criterion="empathy"]')
  await expect(empathy.getByRole('row', { name: /1 · Absent/ })).toContainText('1')
  await expect(empathy.getByRole('row', { name: /2 · Formulaic/ })).toContainText('2')
  await expect(empathy.getByText(/expert: level 1/)).toBeVisible()
  await expectNoAxeViolations(page)
  await shot(page, 'meeting-reveal-desktop')

  await page.getByRole('navigation', { name: 'Agenda steps' }).getByRole('button', { name: 'Action items for next month' }).click()
  await page.getByLabel('What will be done').fill('Name the customer’s deadline in every delayed-order reply')
  await page.getByLabel('Owner').selectOption({ label: 'Jordan Lee' })
  await page.getByLabel('Metric').selectOption({ label: 'Empathy' })
  await page.getByLabel('Change by next month (points)').fill('4')
  await page.getByRole('button', { name: 'Add action item' }).click()
  await expect(participant.getByText('Name the customer’s deadline in every delayed-order reply')).toBeVisible()
  await page.getByRole('button', { name: 'End the meeting' }).click()
  await expect(page.getByRole('heading', { name: 'Summary' })).toBeVisible()
  await expect(participant.getByRole('heading', { name: 'Summary' })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Action items', exact: true })).toContainText('Name the customer’s deadline')
  await expect(page.getByText(/Jordan Lee, Maya Fischer, Priya Raman/)).toBeVisible()
  await expectNoAxeViolations(page)
  await shot(page, 'meeting-summary-desktop')

  const markdown = await page.request.get(`${meetingUrl}.md`)
  expect(markdown.headers()['content-type']).toContain('text/markdown')
  const text = await markdown.text()
  expect(text).toContain('# Support · December 2026 review meeting'.replace('December 2026', text.match(/· (\w+ \d{4}) review/)![1]))
  expect(text).toContain('- [ ] Name the customer’s deadline in every delayed-order reply — owner: Jordan Lee')
  expect(text).toContain('target: Empathy +4 by next month')
  await participant.context().close()
  await third.context().close()
})

test('a Sales member is refused Support’s meeting, and its event stream', async ({ page, login }) => {
  await login('manager@acme.test')
  await page.goto('/meetings')
  const href = await page
    .getByRole('region', { name: 'Support' })
    .getByRole('link', { name: /meeting$/ })
    .first()
    .getAttribute('href')
  await page.context().clearCookies()
  await login('leo@acme.test')
  const response = await page.goto(href!)
  expect(response!.status()).toBe(403)
  await expect(page.getByText(/open to their team’s members and managers only/)).toBeVisible()
  expect((await page.request.get(`${href}/events`)).status()).toBe(403)
  expect((await page.request.get(`${href}.md`)).status()).toBe(403)
})

test('Jordan sees his action item at home and on the team page, and offers a reviewed reply to the meeting, then withdraws it', async ({ page, login }) => {
  await login('member@acme.test')
  await page.goto('/')
  const mine = page.getByRole('region', { name: 'Your action items' })
  await expect(mine).toContainText('Own the fix in every delayed-order reply')
  await expectNoAxeViolations(page)

  await page.goto('/insights/teams/support')
  const open = page.getByRole('region', { name: 'Open action items' })
  await expect(open).toContainText('Owner: You')
  await expect(open).toContainText('Draft a weekend rota')
  await expectNoAxeViolations(page)

  await page.goto('/reviews')
  const links = await page.locator('main a[href^="/replies/"]').evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')!))
  const offerHeading = page.getByRole('heading', { name: 'Share it with Support’s review meeting' })
  let found = false
  for (const href of links.slice(0, 12)) {
    await page.goto(href)
    if (await offerHeading.isVisible()) {
      found = true
      break
    }
  }
  expect(found, 'one of Jordan’s reviewed replies can be offered').toBe(true)
  const offer = page.getByRole('region', { name: 'Share it with Support’s review meeting' })
  if (await offer.getByRole('button', { name: 'Withdraw my offer' }).isVisible()) await offer.getByRole('button', { name: 'Withdraw my offer' }).click()
  await offer.getByLabel('With my name').check()
  await offer.getByRole('button', { name: 'Offer this reply' }).click()
  await expect(offer).toContainText('You offered this reply with your name')
  await expectNoAxeViolations(page)
  await shot(page, 'reply-offered-desktop')
  await offer.getByRole('button', { name: 'Withdraw my offer' }).click()
  await expect(offer.getByRole('button', { name: 'Offer this reply' })).toBeVisible()
})
