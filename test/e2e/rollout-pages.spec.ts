// The rollout pages in the demo organization: account, admin teams, settings, outbox, invitations.
import { expect, expectNoAxeViolations, test } from './fixtures'

const widths = [1280, 390]
const shots = process.env.SHOTS_DIR

async function shoot(page: import('@playwright/test').Page, name: string) {
  if (!shots) return
  for (const width of widths) {
    await page.setViewportSize({ width, height: 900 })
    await page.screenshot({ path: `${shots}/${name}-${width}.png`, fullPage: true })
  }
  await page.setViewportSize({ width: 1280, height: 900 })
}

test('a person manages their account: name, sessions, e-mail preferences, by keyboard', async ({ page, login }) => {
  await login('member@acme.test')
  await page.goto('/account')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your account')
  await expectNoAxeViolations(page)
  await page.getByLabel('Name', { exact: true }).fill('')
  await page.getByRole('button', { name: 'Save name' }).click()
  await expect(page.getByText('At least 2 characters.')).toBeVisible()
  await page.getByLabel('Name', { exact: true }).fill('Jordan Lee-Park')
  await page.getByLabel('Name', { exact: true }).press('Enter')
  await expect(page.getByText('Your name is saved.')).toBeVisible()
  await expect(page.getByRole('link', { name: /Your account \(Jordan Lee-Park\)/ })).toBeVisible()
  await expect(page.getByText('This browser, now')).toBeVisible()
  await page.getByLabel('A daily digest of what waits for me').uncheck()
  await page.getByRole('button', { name: 'Save preferences' }).click()
  await expect(page.getByText('Your e-mail preferences are saved.')).toBeVisible()
  await expect(page.getByLabel('A daily digest of what waits for me')).not.toBeChecked()
  await page.getByLabel('Current password').fill('wrong-password')
  await page.getByLabel('New password', { exact: true }).fill('another-long-password')
  await page.getByLabel('New password again').fill('another-long-password')
  await page.getByRole('button', { name: 'Change password' }).click()
  await expect(page.getByText('That is not your current password.')).toBeVisible()
  await expectNoAxeViolations(page)
  await shoot(page, 'account')
})

test('an admin renames a team, moves a person, and reads the outbox and settings', async ({ page, login }) => {
  await login('admin@acme.test')
  await page.goto('/admin')
  await page.getByRole('link', { name: 'Teams and managers' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Teams')
  await expectNoAxeViolations(page)
  await page.getByLabel('New name for Finance').fill('Finance & Billing')
  await page.getByRole('button', { name: 'Rename Finance', exact: true }).click()
  await expect(page.getByText('Team renamed.')).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Finance & Billing' })).toBeVisible()
  await page.getByLabel('Move Chloe Martin to').selectOption({ label: 'Sales' })
  await page.getByRole('button', { name: 'Move Chloe Martin', exact: true }).click()
  await expect(page.getByText('Moved.')).toBeVisible()
  await shoot(page, 'admin-teams')

  await page.goto('/admin/settings')
  await expectNoAxeViolations(page)
  await page.getByLabel('Reviews each reply needs (M)').fill('4')
  await page.getByLabel("Reviews to give to see one's results (N)").fill('3')
  await page.getByRole('button', { name: 'Save settings' }).click()
  await expect(page.getByText('Must be at least the reviews each reply needs')).toBeVisible()
  await expect(page.getByLabel('Reviews each reply needs (M)')).toHaveValue('4')
  await page.getByLabel("Reviews to give to see one's results (N)").fill('4')
  await page.getByRole('button', { name: 'Save settings' }).click()
  await expect(page.getByText('Settings saved.')).toBeVisible()
  await shoot(page, 'admin-settings')

  await page.goto('/admin/invitations')
  await page.getByLabel('E-mail').fill('quinn@acme.test')
  await page.getByLabel('Name (optional)').fill('Quinn')
  await page.getByLabel('Team', { exact: true }).selectOption({ label: 'Support' })
  await page.getByRole('button', { name: 'Send invitation' }).click()
  await expect(page.getByText('Invitation e-mailed to quinn@acme.test.')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Copy' })).toBeVisible()
  await expectNoAxeViolations(page)
  await shoot(page, 'admin-invitations')

  await page.goto('/admin/outbox')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Outbox')
  await expect(page.getByText("You're invited to Rapport · Acme").first()).toBeVisible()
  await expectNoAxeViolations(page)
  await shoot(page, 'admin-outbox')
})

test('anonymous people are sent to sign in from the admin pages; members are refused', async ({ page, login }) => {
  for (const path of ['/admin/outbox', '/admin/settings', '/admin/teams', '/account']) {
    await page.goto(path)
    await expect(page).toHaveURL(/\/login\?redirectTo=/)
  }
  await login('member@acme.test')
  const response = await page.goto('/admin/outbox')
  expect(response?.status()).toBe(403)
})
