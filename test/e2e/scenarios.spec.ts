import type { Page } from '@playwright/test'
import { expect, expectNoAxeViolations, screenshot, test } from './fixtures'

const PHONE = { width: 390, height: 844 }

/** Desktop and phone-width screenshots of the current page. */
async function screenshots(page: Page, name: string) {
  await screenshot(page, `${name}-desktop`)
  const desktop = page.viewportSize()
  await page.setViewportSize(PHONE)
  await screenshot(page, `${name}-phone`)
  if (desktop) await page.setViewportSize(desktop)
}

test('a member browses the library, filters by channel, and reads an e-mail and a chat scenario', async ({ page, login }) => {
  await login('member@acme.test')
  await page.goto('/scenarios')
  await expect(page.getByRole('heading', { level: 1, name: 'Scenarios' })).toBeVisible()
  const cards = page.getByRole('list', { name: 'Scenarios' }).getByRole('article')
  expect(await cards.count()).toBeGreaterThanOrEqual(16)
  await expect(page.getByRole('link', { name: 'Import a real conversation' })).toHaveCount(0)
  await expectNoAxeViolations(page)
  await screenshots(page, 'scenarios-library')

  // The GET form: choose a channel, press the button, get a shareable URL.
  await page.getByLabel('Channel').selectOption('email')
  await page.getByRole('button', { name: 'Show scenarios' }).click()
  await expect(page).toHaveURL(/channel=email/)
  // the URL may change before the filtered list is on the page: wait for the list's own status
  await expect(page.getByText(/\d+ scenarios match your filters/)).toBeVisible()
  const emailCards = page.getByRole('list', { name: 'Scenarios' }).getByRole('article')
  const count = await emailCards.count()
  expect(count).toBeGreaterThan(0)
  expect(count).toBeLessThan(16)
  for (const text of await emailCards.allInnerTexts()) expect(text).toMatch(/email/i)
  await expect(page.getByText(`${count} scenarios match your filters`)).toBeVisible()

  await page.getByRole('link', { name: 'The email that bounced off a salesperson' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'The email that bounced off a salesperson' })).toBeVisible()
  const email = page.getByRole('article', { name: 'E-mail from Farah Qureshi' })
  await expect(email).toBeVisible()
  await expect(email.getByText('From', { exact: true })).toBeVisible()
  await expect(email.getByText('To', { exact: true })).toBeVisible()
  await expect(email.getByText('Date', { exact: true })).toBeVisible()
  await expect(email.getByText('Is there a person I can talk to about a bigger plan?')).toBeVisible()
  await expect(page.getByRole('heading', { name: 'The customer' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'What we already know' })).toBeVisible()
  await expect(page.getByText('Write your reply to Farah.')).toBeVisible()
  await expectNoAxeViolations(page)
  await screenshots(page, 'scenario-email')

  await page.goto('/scenarios?channel=chat')
  await page.getByRole('link', { name: 'Fourteen questions to read a balance' }).click()
  const chat = page.locator('.chat-window')
  await expect(chat).toBeVisible()
  expect(await chat.locator('.chat-message--customer').count()).toBeGreaterThan(0)
  expect(await chat.locator('.chat-message--agent').count()).toBeGreaterThan(0)
  await expectNoAxeViolations(page)
  await screenshots(page, 'scenario-chat')

  // Variants link the same customer at another moment.
  await page.goto('/scenarios/refund-delayed-calm')
  const variants = page.getByRole('region', { name: 'Same customer, different moment' })
  await expect(variants.getByRole('link')).toHaveCount(1)
  await expectNoAxeViolations(page)

  const missing = await page.goto('/scenarios/no-such-scenario')
  expect(missing?.status()).toBe(404)
  await expect(page.getByRole('heading', { name: 'We could not find that page' })).toBeVisible()

  const forbidden = await page.goto('/scenarios/import')
  expect(forbidden?.status()).toBe(403)
})

const ONE_PER_CHANNEL = [
  ['facebook-post-outage', '.social-post'],
  ['cancel-phone-contract', '.transcript'],
  ['sms-missed-engineer-visit', '.sms-phone'],
  ['linkedin-renewal-sales', '.dm'],
  ['blog-comment-complaint', '.blog-comment'],
  ['contact-form-void', '.submission'],
] as const

test('every other channel has its own look, and passes axe', async ({ page, login }) => {
  await login('newhire@acme.test')
  for (const [slug, selector] of ONE_PER_CHANNEL) {
    await page.goto(`/scenarios/${slug}`)
    await expect(page.locator(selector).first()).toBeVisible()
    await expectNoAxeViolations(page)
    await screenshot(page, `scenario-channel-${slug}`)
  }
  await page.goto('/scenarios/facebook-post-outage')
  await expect(page.getByText(/\d+ characters/).first()).toBeVisible()
  await expect(page.getByText('@deepanair', { exact: false }).first()).toBeVisible()
})

const CONVERSATION = `Customer: Hello, this is Marta Kowalczyk. My Sunrise Deluxe kettle arrived broken (order 55120987).
Agent: I'm so sorry, Marta. Could you confirm your email?
Customer: marta.k@example.org, and my phone is 07700 900456. My husband bigdog ordered it as a gift.
Agent: Thanks. I have sent a replacement Sunrise Deluxe to 22 Mill Lane, Leeds LS6 2AB.`

const ORIGINALS = ['Kowalczyk', 'Marta', '55120987', 'marta.k@example.org', '07700 900456', '22 Mill Lane', 'LS6 2AB']

test('a manager imports a conversation, corrects the anonymiser, saves a draft; an admin approves it into the library', async ({ page, login }) => {
  await login('manager@acme.test')
  await page.goto('/scenarios/import')
  await expectNoAxeViolations(page)
  await screenshot(page, 'scenario-import-input')
  await page.getByLabel('Conversation').fill(CONVERSATION)
  await page.getByRole('button', { name: 'Anonymise and preview' }).click()

  const preview = page.locator('.import-turns')
  await expect(preview).toBeVisible()
  expect(await preview.locator('mark.pii').count()).toBeGreaterThanOrEqual(6)
  const previewText = await preview.innerText()
  for (const original of ORIGINALS) expect(previewText).not.toContain(original)
  await expect(preview.locator('mark.pii', { hasText: 'Leeds' })).toHaveCount(0)
  await expectNoAxeViolations(page)
  await screenshots(page, 'scenario-import-preview')

  // "Leeds" is a city, not personal data here: keep it as written.
  await page.getByRole('button', { name: 'Not personal — keep Leeds' }).click()
  await expect(page.getByText('Kept as written everywhere.')).toBeVisible()
  await expect(preview).toContainText('Leeds')

  // The anonymiser missed the husband's lower-case name: mark it.
  expect(await preview.innerText()).toContain('bigdog')
  await page.getByLabel('Text to replace').fill('bigdog')
  await page.getByLabel('Kind of data').selectOption('name')
  await page.getByRole('button', { name: 'Replace everywhere' }).click()
  await expect(page.getByText('Replaced everywhere it appears.')).toBeVisible()
  expect(await preview.innerText()).not.toContain('bigdog')
  await expect(preview).toContainText('Leeds')
  await expectNoAxeViolations(page)

  await page.getByLabel('Title').fill('A broken kettle bought as a gift')
  await page.getByLabel('Customer’s mood').selectOption('disappointed')
  await page.getByLabel('What the business already knows').fill('Marta Kowalczyk has ordered from us four times.\nThe replacement ships tomorrow.')
  await page.getByRole('button', { name: 'Save as draft' }).click()

  await expect(page).toHaveURL(/\/admin\/scenarios\?saved=/)
  await expect(page.getByText('Draft saved.')).toBeVisible()
  const draft = page.getByRole('article', { name: 'A broken kettle bought as a gift' })
  await expect(draft).toBeVisible()
  await expect(draft.getByText('You imported this one')).toBeVisible()
  await expect(draft.getByRole('button', { name: /^Approve/ })).toHaveCount(0)
  await draft.getByText('Read the anonymised scenario').click()
  const saved = await draft.innerText()
  for (const original of [...ORIGINALS, 'bigdog']) expect(saved).not.toContain(original)
  expect(saved).toContain('Leeds')
  await expectNoAxeViolations(page)

  await login('admin@acme.test')
  await page.goto('/admin/scenarios')
  await expectNoAxeViolations(page)
  await screenshots(page, 'scenario-approvals')
  await page.getByRole('button', { name: 'Approve A broken kettle bought as a gift' }).click()
  await expect(page.getByText('Approved: it is now in your library.')).toBeVisible()

  await login('member@acme.test')
  await page.goto('/scenarios?q=kettle')
  const card = page.getByRole('list', { name: 'Scenarios' }).getByRole('article')
  await expect(card).toHaveCount(1)
  await expect(card).toContainText('A broken kettle bought as a gift')
  await expect(card).toContainText('From a real conversation')
  await card.getByRole('link', { name: 'A broken kettle bought as a gift' }).click()
  await expect(page.locator('.chat-window')).toBeVisible()
  const page_text = await page.locator('main').innerText()
  for (const original of [...ORIGINALS, 'bigdog']) expect(page_text).not.toContain(original)
  await expectNoAxeViolations(page)
})
