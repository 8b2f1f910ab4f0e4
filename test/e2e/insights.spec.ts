import fs from 'node:fs'
import { expect, expectNoAxeViolations, screenshot, test } from './fixtures'

const TEAMS = ['Engineering', 'Finance', 'Marketing', 'Sales', 'Support']
// Everyone in the demo organization except Jordan (member@acme.test), whose own pages these are.
const OTHER_PEOPLE = [
  'Alex Morgan', 'Priya Raman', 'Sam Okafor', 'Maya Fischer', 'Tomás Ruiz', 'Hana Sato', 'Grace Mensah', 'Leo Novak',
  'Zara Ahmed', 'Ben Carter', 'Ines Duarte', 'Kofi Boateng', 'Lena Weber', 'Ravi Kapoor', 'Olivia Brown', 'Mateo Silva',
  'Chloe Martin', 'Nina Petrova', 'Owen Hughes',
]
const PHONE = { width: 390, height: 844 }

const teamCards = (page: import('@playwright/test').Page) => page.getByRole('list', { name: 'Teams' }).getByRole('listitem')
// Other specs may add teams to Acme (the admin test adds one); these are the five demo teams.
const demoTeamCards = (page: import('@playwright/test').Page) =>
  teamCards(page).filter({ has: page.getByRole('heading', { level: 3, name: new RegExp(`^(${TEAMS.join('|')})$`) }) })

test('the manager sees every team, opens their own team and downloads its figures', async ({ page, login }) => {
  await login('manager@acme.test')
  await page.goto('/insights')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Customer-centricity: your teams in full, the others in aggregate')
  await expect(demoTeamCards(page)).toHaveCount(5)
  for (const team of TEAMS) await expect(page.getByRole('heading', { level: 3, name: team })).toBeVisible()
  // Priya leads Support and Engineering: those come first, the others are aggregate views.
  await expect(teamCards(page).nth(0)).toContainText('Engineering')
  await expect(teamCards(page).nth(1)).toContainText('Support')
  // The demo's Support drills: a share done on time beside participation, from the drills rollup.
  await expect(teamCards(page).nth(1)).toContainText(/Drills done on time \d+%/)
  await expect(demoTeamCards(page).filter({ hasText: 'aggregate only' })).toHaveCount(3)
  await expect(page.getByRole('img', { name: /Criteria by team/ })).toBeVisible()
  await expectNoAxeViolations(page)
  await screenshot(page, 'insights-manager-desktop')

  await page.getByRole('link', { name: 'Support', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Support: customer-centricity')
  await expect(page.getByRole('img', { name: /Support: CCI per month/ })).toBeVisible()
  await expect(page.getByRole('heading', { name: /Not practised in/ })).toBeVisible()
  // The new hire has no reviewed reply yet: named, without any score.
  await expect(page.getByRole('region', { name: /Not practised in/ }).getByText('Sam Okafor')).toBeVisible()
  // Every chart's data table, opened: readable and scrollable from the keyboard.
  for (const summary of await page.locator('details.chart-data summary').all()) await summary.click()
  await expect(page.getByRole('region', { name: 'Support: criteria per month' }).getByRole('row')).toHaveCount(13)
  await expectNoAxeViolations(page)
  await screenshot(page, 'insights-team-desktop')

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /Download the figures/ }).click()])
  expect(download.suggestedFilename()).toMatch(/^cci-support-\d{4}-\d{2}\.csv$/)
  const csv = fs.readFileSync((await download.path())!, 'utf8')
  const [header, ...rows] = csv.trim().split(/\r\n/)
  expect(header).toContain('team,team_slug,month,access,status,cci')
  expect(rows).toHaveLength(12)
  expect(rows.every((row) => row.startsWith('Support,support,'))).toBe(true)
  expect(rows.filter((row) => row.split(',')[4] === 'ok').length).toBeGreaterThanOrEqual(9)

  await page.setViewportSize(PHONE)
  await page.reload()
  await screenshot(page, 'insights-team-phone')
})

test('the admin sees all five teams with a twelve-month trend each', async ({ page, login }) => {
  await login('admin@acme.test')
  await page.goto('/insights')
  await expect(demoTeamCards(page)).toHaveCount(5)
  for (const team of TEAMS) {
    const card = teamCards(page).filter({ has: page.getByRole('heading', { level: 3, name: team }) })
    await expect(card.getByRole('img', { name: `${team}: CCI over 12 months` })).toBeVisible()
    await card.getByText('Data table').click()
    await expect(card.getByRole('table').locator('tbody tr')).toHaveCount(12)
    await expect(card.getByText(/n = \d+ replies by \d+ people/)).toBeVisible()
  }
  await expect(page.getByRole('heading', { name: 'The scenarios we find hardest' })).toBeVisible()
  await expect(page.getByRole('list').filter({ has: page.getByRole('link', { name: /./ }) }).last()).toBeVisible()
  await page.getByText('What is the customer-centricity index (CCI)?').click()
  await expect(page.getByText(/mean score, from 0 to 100, of the replies its/)).toBeVisible()
  await expectNoAxeViolations(page)
  await screenshot(page, 'insights-admin-desktop')

  const csv = await (await page.request.get('/insights.csv')).text()
  for (const team of TEAMS) expect(csv.split('\r\n').filter((row) => row.startsWith(`${team},`))).toHaveLength(12)

  await page.setViewportSize(PHONE)
  await page.reload()
  await expectNoAxeViolations(page)
  await screenshot(page, 'insights-admin-phone')
  await page.goto('/insights/teams/engineering')
  await screenshot(page, 'insights-engineering-phone')
})

test('a member sees their own team and their own trend, never another person’s score', async ({ page, login }) => {
  await login('member@acme.test')
  await page.goto('/')
  await expect(page.getByRole('heading', { name: 'Your practice, month by month' })).toBeVisible()
  await expect(page.getByText('Your scores are seen by you, by the managers of your teams and by admins, never by your colleagues')).toBeVisible()
  await expectNoAxeViolations(page)

  await page.goto('/insights')
  await expect(teamCards(page)).toHaveCount(1)
  await expect(teamCards(page)).toContainText('Support')
  const pages = [await page.locator('main').innerText()]
  await page.goto('/insights/teams/support')
  await expect(page.getByRole('heading', { name: /Not practised/ })).toHaveCount(0)
  pages.push(await page.locator('main').innerText())
  pages.push(await (await page.request.get('/insights.csv')).text())
  pages.push(await (await page.request.get('/insights/teams/support.csv')).text())
  for (const text of pages) for (const name of OTHER_PEOPLE) expect(text).not.toContain(name)
  await expectNoAxeViolations(page)

  const forbidden = await page.goto('/insights/teams/finance')
  expect(forbidden?.status()).toBe(403)
  expect((await page.request.get('/insights/teams/finance.csv')).status()).toBe(403)

  await page.setViewportSize(PHONE)
  await page.goto('/')
  await screenshot(page, 'home-personal-trend-phone')
})
