import fs from 'node:fs'
import { DateTime } from 'luxon'
import type { Page } from '@playwright/test'
import { startSmtpCatcher, type SmtpCatcher } from '../support/smtp-catcher'
import { expect, expectNoAxeViolations, test } from './fixtures'

// The manager assigns a drill to Support through the form; Hana sees it on her home page and
// /drills, replies to its scenario, and shows as done in the manager's table; Sales does not see
// it; the drill job run under a test clock e-mails "due soon" to the real (test) SMTP server.
test.describe.configure({ mode: 'serial' })

const TITLE = `Broken lamp, kindly ${Date.now().toString(36)}`
const ZONE = 'Europe/London'
const due = DateTime.now().setZone(ZONE).plus({ days: 3 }).set({ hour: 17, minute: 0 })
const SHOTS = '/tmp/shots-drills'
let drillUrl = ''
let catcher: SmtpCatcher

test.beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true })
  // The test server sends mail to E2E_PORT + 1 (see playwright.config.ts).
  catcher = await startSmtpCatcher({ port: Number(process.env.E2E_PORT ?? 3100) + 1 })
})
test.afterAll(async () => catcher?.stop())

async function shots(page: Page, name: string) {
  await page.screenshot({ path: `${SHOTS}/${name}-1280.png`, fullPage: true })
  const size = page.viewportSize()
  await page.setViewportSize({ width: 390, height: 844 })
  await page.screenshot({ path: `${SHOTS}/${name}-390.png`, fullPage: true })
  if (size) await page.setViewportSize(size)
}

test('the manager sees the demo drills and assigns a new one to Support through the form', async ({ page, login }) => {
  await page.setViewportSize({ width: 1280, height: 900 })
  await login('manager@acme.test')
  await page.goto('/drills')
  await expect(page.getByRole('heading', { level: 1, name: 'Drills' })).toBeVisible()
  const followed = page.getByRole('region', { name: 'Drills you follow' })
  for (const title of ['Late delivery, warmly', 'Refund delays, calm and angry', 'Thank them and own it', 'Breaking changes, said kindly']) {
    await expect(followed.getByRole('link', { name: title })).toBeVisible()
  }
  await expect(followed.getByRole('list', { name: 'Late delivery, warmly: where people are' })).toContainText('done on time')
  await expectNoAxeViolations(page)
  await shots(page, 'drills-manager')

  await page.getByRole('link', { name: 'Assign a drill' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Assign a drill' })).toBeVisible()
  // Nothing chosen: errors, and what was typed stays.
  await page.getByLabel('Title').fill(TITLE)
  await page.getByRole('button', { name: 'Assign the drill' }).click()
  await expect(page.getByText('Pick at least one scenario or lesson.')).toBeVisible()
  await expect(page.getByLabel('Title')).toHaveValue(TITLE)
  await expectNoAxeViolations(page)

  await page.getByLabel('Step 1').selectOption('scenario:return-damaged-item')
  await page.getByRole('checkbox', { name: /^Support/ }).check()
  await page.getByLabel('Due on').fill(due.toISODate()!)
  await page.getByLabel('at', { exact: true }).last().fill('17:00')
  await shots(page, 'drills-new')
  await page.getByRole('button', { name: 'Assign the drill' }).click()
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible()
  drillUrl = new URL(page.url()).pathname
  const people = page.getByRole('region', { name: 'People and steps' })
  await expect(people.getByRole('rowheader', { name: /Hana Sato/ })).toBeVisible()
  await expect(people.getByRole('row').filter({ hasText: 'Hana Sato' })).toContainText('Not started')
  await expectNoAxeViolations(page)
})

test('Hana sees it on her home page and /drills, and replies to its scenario', async ({ page, login }) => {
  await login('hana@acme.test')
  await page.goto('/drills')
  await expect(page.getByRole('region', { name: 'Due' }).getByRole('link', { name: TITLE })).toBeVisible()
  await expectNoAxeViolations(page)
  await shots(page, 'drills-member')
  await page.goto('/')
  await expect(page.getByRole('heading', { name: 'Next up: a drill' })).toBeVisible()
  await shots(page, 'home-member')

  await page.goto(drillUrl)
  const steps = page.getByRole('region', { name: 'Your steps' })
  await expect(steps).toContainText('Not started')
  await expectNoAxeViolations(page)
  await steps.getByRole('link', { name: 'A lamp that arrived in pieces' }).click()
  const box = page.getByRole('textbox', { name: /Write your reply/ })
  await box.fill('Mei Lin, I am so sorry the lamp arrived in pieces. Thank you for the photos. A new one leaves today by courier and arrives on Thursday; I will check it is on the van myself.')
  await page.getByRole('button', { name: 'Submit reply' }).click()
  await expect(page.getByText('Reply submitted.', { exact: true })).toBeVisible()
  await page.goto(drillUrl)
  await expect(page.getByRole('region', { name: 'Your steps' })).toContainText('Done')
})

test('Sales does not see it; the manager sees Hana done and downloads a safe CSV', async ({ page, login }) => {
  await login('grace@acme.test')
  await page.goto('/drills')
  await expect(page.getByRole('link', { name: TITLE })).toHaveCount(0)
  expect((await page.request.get(drillUrl)).status()).toBe(404)

  await login('manager@acme.test')
  await page.goto(drillUrl)
  await expect(page.getByRole('region', { name: 'People and steps' }).getByRole('row').filter({ hasText: 'Hana Sato' })).toContainText('Done')
  await page.getByLabel('Team').selectOption({ label: 'Support' })
  await page.getByRole('button', { name: 'Show' }).click()
  await expect(page).toHaveURL(/team=/)
  await shots(page, 'drill-table')
  const csv = await (await page.request.get(`${drillUrl}.csv`)).text()
  const [header, ...rows] = csv.trim().split('\r\n')
  expect(header).toMatch(/^person,team,status,due,done/)
  expect(rows.find((r) => r.startsWith('Hana Sato,'))).toMatch(/,done,/)

  await page.getByRole('button', { name: 'Nudge everyone not done' }).click()
  await expect(page.getByRole('status')).toContainText(/Reminder sent to \d+ people/)
  await expect(page.getByRole('button', { name: 'Nudged today' })).toBeDisabled()
  await expectNoAxeViolations(page)
})

test('the drill job under a test clock e-mails "due soon" to the test SMTP server', async ({ page }) => {
  const at = due.minus({ days: 1 }).set({ hour: 10 }).toUTC().toISO()
  const response = await page.request.post('/__test/jobs/run', { data: { name: 'drills.sweep', at } })
  expect(response.ok()).toBeTruthy()
  const mail = await catcher.waitFor((m) => m.to === 'newhire@acme.test' && m.subject.startsWith(`Due soon: ${TITLE}`), 20_000)
  expect(mail.text).toContain(drillUrl)
  expect(mail.text).toContain('17:00')
  // Hana finished: no reminder for her.
  expect(catcher.messages.filter((m) => m.to === 'hana@acme.test' && m.subject.startsWith(`Due soon: ${TITLE}`))).toEqual([])
})

test('the reminder’s unsubscribe link stops drill reminders: on the page by keyboard, and by a mail program’s one-click POST', async ({ page, login }) => {
  const mail = await catcher.waitFor((m) => m.to === 'newhire@acme.test' && m.subject.startsWith(`Due soon: ${TITLE}`), 20_000)
  const headers = mail.raw.replace(/\r?\n[ \t]+/g, ' ')
  expect(headers).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m)
  const link = /^List-Unsubscribe: <([^>]+)>/m.exec(headers)![1]

  // Opening the link changes nothing by itself (mail scanners open links).
  await page.goto(link)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Stop these e-mails?')
  await expect(page.getByText('newhire@acme.test')).toBeVisible()
  await expectNoAxeViolations(page)
  await shots(page, 'unsubscribe')
  await page.getByRole('button', { name: 'Stop these e-mails' }).focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('status')).toHaveText('Done: no more of these e-mails.')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('You will not get these e-mails')
  await page.getByRole('button', { name: 'Send them again' }).click()
  await expect(page.getByRole('status')).toHaveText('Done: these e-mails will reach you again.')

  // What a mail program sends (RFC 8058): no cookie, no page, just the one field.
  const oneClick = await page.request.post(link, { form: { 'List-Unsubscribe': 'One-Click' }, headers: { cookie: '' } })
  expect(oneClick.status()).toBe(200)
  await login('newhire@acme.test')
  await page.goto('/account')
  await expect(page.getByLabel('Reminders about drills that are due')).not.toBeChecked()
  await expect(page.getByLabel('My team’s review meetings: the notice before and the summary after')).toBeChecked()

  expect((await page.request.get('/unsubscribe/not-a-real-token-at-all-xx')).status()).toBe(404)
})

test('the manager adds a step to the running drill and takes a person out of it; a mistake keeps what was chosen', async ({ page, login }) => {
  await login('manager@acme.test')
  await page.goto(drillUrl)
  await page.getByText('Edit the drill').click()
  await page.getByLabel('Add a step 1').selectOption('lesson:error-messages-are-conversations')
  await page.getByText('Named people and exclusions').last().click()
  const leaveOut = page.getByRole('group', { name: 'Leave out' })
  await leaveOut.getByRole('checkbox', { name: 'Sam Okafor' }).check()
  await expectNoAxeViolations(page)
  await shots(page, 'drill-edit')
  // A mistake keeps what was chosen.
  const dueDate = page.getByLabel('Due date of the drill')
  const dueValue = await dueDate.inputValue()
  await dueDate.fill('')
  await page.getByRole('button', { name: 'Save the drill' }).click()
  await expect(page.getByText('Enter the due date.')).toBeVisible()
  await expect(page.getByLabel('Add a step 1')).toHaveValue('lesson:error-messages-are-conversations')
  await expect(leaveOut.getByRole('checkbox', { name: 'Sam Okafor' })).toBeChecked()
  await dueDate.fill(dueValue)
  await page.getByRole('button', { name: 'Save the drill' }).click()
  await expect(page.getByRole('status')).toContainText('Drill saved.')
  const people = page.getByRole('region', { name: 'People and steps' })
  await expect(people.getByRole('columnheader', { name: /Error messages are customer conversations/i })).toBeVisible()
  await expect(people.getByRole('row').filter({ hasText: 'Sam Okafor' })).toContainText(/left/i)
})
