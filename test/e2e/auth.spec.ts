import { DEMO_PASSWORD, expect, expectNoAxeViolations, screenshot, test } from './fixtures'

const logins = [
  { email: 'admin@acme.test', name: 'Alex', admin: true },
  { email: 'manager@acme.test', name: 'Priya', admin: false },
  { email: 'newhire@acme.test', name: 'Sam', admin: false },
  { email: 'member@acme.test', name: 'Jordan', admin: false },
]

for (const login of logins) {
  test(`${login.email} signs in with the form and sees their home page`, async ({ page }) => {
    await page.goto('/')
    await expect(page).toHaveURL(/\/login/)
    await page.getByLabel('E-mail').fill(login.email)
    await page.getByLabel('Password').fill(DEMO_PASSWORD)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect(page.getByRole('heading', { level: 1 })).toContainText(login.name)
    const nav = page.getByRole('navigation', { name: 'Main' })
    await expect(nav.getByRole('link', { name: 'Admin' })).toHaveCount(login.admin ? 1 : 0)
    await expectNoAxeViolations(page)
  })
}

test('a wrong password shows the error beside the field and keeps the e-mail', async ({ page }) => {
  await page.goto('/login')
  await page.getByLabel('E-mail').fill('member@acme.test')
  await page.getByLabel('Password').fill('not-the-password')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByText('That e-mail and password do not match')).toBeVisible()
  await expect(page.getByLabel('E-mail')).toHaveValue('member@acme.test')
  await expectNoAxeViolations(page)
  await screenshot(page, 'login-error')
})

test('a manager invites a new hire who sets a password and lands signed in; logout ends the session', async ({ page, browser, login }) => {
  await login('manager@acme.test')
  await page.goto('/admin/invitations')
  await expectNoAxeViolations(page)
  await page.getByLabel('E-mail').fill('river.new@acme.test')
  await page.getByLabel('Team').selectOption({ label: 'Support' })
  await page.getByRole('button', { name: 'Send invitation' }).click()
  const link = await page.getByTestId('invite-link').inputValue()
  expect(link).toMatch(/\/invite\/[a-z2-7]+$/)
  await screenshot(page, 'invitations')

  const fresh = await browser.newContext()
  const invitee = await fresh.newPage()
  await invitee.goto(link)
  await expect(invitee.getByRole('heading', { level: 1 })).toContainText('Welcome to Acme')
  await expectNoAxeViolations(invitee)
  await invitee.getByLabel('Your name').fill('River Stone')
  await invitee.getByLabel('Password', { exact: true }).fill('short')
  await invitee.getByRole('button', { name: 'Join and start' }).click()
  await expect(invitee.getByText('Use at least 10 characters.')).toBeVisible()
  await expect(invitee.getByLabel('Your name')).toHaveValue('River Stone')
  await invitee.getByLabel('Password', { exact: true }).fill('a-good-long-password')
  await invitee.getByLabel('Password again').fill('a-good-long-password')
  await invitee.getByRole('button', { name: 'Join and start' }).click()
  await expect(invitee.getByRole('heading', { level: 1 })).toContainText('River')
  await expect(invitee.getByText('Support')).toBeVisible()

  // The link works once.
  const again = await (await browser.newContext()).newPage()
  await again.goto(link)
  await expect(again.getByRole('heading', { level: 1 })).toContainText('cannot be used')

  await invitee.getByRole('button', { name: 'Sign out' }).click()
  await expect(invitee).toHaveURL(/\/login/)
  await invitee.goto('/')
  await expect(invitee).toHaveURL(/\/login/)
  await fresh.close()
})

test('a member gets a helpful 403 on /admin and a 404 page for an unknown URL', async ({ page, login }) => {
  await login('member@acme.test')
  const admin = await page.goto('/admin')
  expect(admin?.status()).toBe(403)
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Not for you')
  const missing = await page.goto('/no-such-page')
  expect(missing?.status()).toBe(404)
  await expect(page.getByRole('heading', { level: 1 })).toContainText('could not find')
  await expectNoAxeViolations(page)
})

test('the admin page lists people and teams and can add a team', async ({ page, login }) => {
  await login('admin@acme.test')
  await page.goto('/admin')
  await expect(page.getByRole('heading', { name: /People \(\d+\)/ })).toBeVisible()
  const teams = page.getByRole('region', { name: 'Teams' })
  for (const team of ['Support', 'Sales', 'Engineering', 'Finance', 'Marketing']) {
    await expect(teams.getByRole('cell', { name: team, exact: true })).toBeVisible()
  }
  await page.getByLabel('New team name').fill('Legal')
  await page.getByRole('button', { name: 'Add team' }).click()
  await expect(page.getByText('Team “Legal” added.')).toBeVisible()
  await expectNoAxeViolations(page)
  await screenshot(page, 'admin')
})

test('keyboard: the skip link is the first stop and moves focus to the content', async ({ page, login }) => {
  await login('member@acme.test')
  await page.goto('/')
  await page.keyboard.press('Tab')
  const skip = page.getByRole('link', { name: 'Skip to content' })
  await expect(skip).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/#main$/)
})
