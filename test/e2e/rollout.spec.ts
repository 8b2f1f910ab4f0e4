// A fresh install, as a company would start it: its own server process on an empty database with
// SEED_DEMO=false and SMTP pointing at a real SMTP server started here. The setup link comes from
// the server's output; every e-mail is read from the SMTP server.
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import postgres from 'postgres'
import { startSmtpCatcher, type SmtpCatcher } from '../support/smtp-catcher'
import { expect, expectNoAxeViolations, screenshot, test } from './fixtures'

const port = Number(process.env.E2E_PORT ?? 3100) + 1
const origin = `http://localhost:${port}`
const root = path.resolve(import.meta.dirname, '../..')
const dataDir = path.join(root, `test/.artifacts/e2e-fresh-${port}`)

let server: ChildProcess
let catcher: SmtpCatcher
let output = ''
let freshDatabase: { admin: postgres.Sql; name: string } | null = null

test.describe.configure({ mode: 'serial' })

test.beforeAll(async () => {
  test.setTimeout(180_000)
  catcher = await startSmtpCatcher()
  fs.rmSync(dataDir, { recursive: true, force: true })
  fs.rmSync(`${dataDir}.lock`, { force: true })
  const env: NodeJS.ProcessEnv = {
    ...(process.env as Record<string, string>),
    NODE_ENV: 'production',
    PORT: String(port),
    SEED_DEMO: 'false',
    SMTP_URL: catcher.url,
    MAIL_FROM: 'Rapport <rapport@fresh.test>',
    APP_URL: origin,
    LOG_LEVEL: 'info',
    PGLITE_DIR: dataDir,
    // The browser tests' build (start-server.sh).
    RAPPORT_BUILD_DIR: process.env.E2E_BUILD_DIR ?? `test/.artifacts/build-${port - 1}`,
  }
  delete env.DATABASE_URL
  if (process.env.E2E_DATABASE_URL) {
    const url = new URL(process.env.E2E_DATABASE_URL)
    const name = `${url.pathname.slice(1)}_fresh`
    const admin = postgres(process.env.E2E_DATABASE_URL, { max: 1, onnotice: () => {} })
    await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    await admin.unsafe(`CREATE DATABASE ${name}`)
    freshDatabase = { admin, name }
    url.pathname = `/${name}`
    env.DATABASE_URL = url.toString()
  }
  server = spawn('node_modules/.bin/tsx', ['app/server/start.ts'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] })
  server.stdout!.on('data', (chunk) => (output += String(chunk)))
  server.stderr!.on('data', (chunk) => (output += String(chunk)))
  await expect.poll(() => /Rapport is running/.test(output), { timeout: 150_000, message: 'fresh server started' }).toBe(true)
})

test.afterAll(async () => {
  // The server's own output, for when a journey fails.
  fs.writeFileSync(`${dataDir}.log`, output)
  if (server && server.exitCode === null) {
    server.kill('SIGTERM')
    await new Promise((resolve) => server.once('exit', resolve))
  }
  await catcher?.stop()
  if (freshDatabase) {
    await freshDatabase.admin.unsafe(`DROP DATABASE IF EXISTS ${freshDatabase.name} WITH (FORCE)`)
    await freshDatabase.admin.end()
  }
})

const ADMIN = { email: 'founder@fresh.test', password: 'founders-long-password' }

test('a fresh install: setup link → organization and admin → CSV invite of two → the invitee’s e-mail → link → password → signed in', async ({ browser }) => {
  test.setTimeout(120_000)
  expect(output).not.toContain('Demo logins')
  const setupUrl = /(http:\/\/\S+\/setup\/[a-z0-9]+)/.exec(output)?.[1]
  expect(setupUrl, 'the setup link is printed').toBeTruthy()

  const context = await browser.newContext({ baseURL: origin })
  const page = await context.newPage()
  await page.goto(setupUrl!)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Set up Rapport')
  await expectNoAxeViolations(page)
  await page.getByLabel('Organization name').fill('Fresh Bakery')
  await page.getByLabel('Time zone').selectOption('Europe/Paris')
  await page.getByLabel('First team').fill('Shop floor')
  await page.getByLabel('Your name').fill('Fran Founder')
  await page.getByLabel('Your e-mail').fill(ADMIN.email)
  await page.getByLabel('Password', { exact: true }).fill(ADMIN.password)
  await page.getByLabel('Password again').fill('not the same')
  await page.getByRole('button', { name: 'Create the organization' }).click()
  await expect(page.getByText('The two passwords differ.')).toBeVisible()
  await expect(page.getByLabel('Organization name')).toHaveValue('Fresh Bakery')
  await page.getByLabel('Password', { exact: true }).fill(ADMIN.password)
  await page.getByLabel('Password again').fill(ADMIN.password)
  await page.getByRole('button', { name: 'Create the organization' }).click()
  await expect(page).toHaveURL(/\/admin\/invitations/)
  await expect(page.getByText('Your organization is ready')).toBeVisible()

  // The link worked once.
  const again = await context.newPage()
  await again.goto(setupUrl!)
  await expect(again.getByRole('heading', { level: 1 })).toHaveText('This link cannot be used')
  await again.close()

  await page.getByLabel('Or paste the rows').fill(
    ['name,email,team,role', 'Pia Baker,pia@fresh.test,Shop floor,member', 'Oli Oven,oli@fresh.test,Shop floor,manager', 'Nope,not-an-email,Shop floor,member'].join('\n'),
  )
  await page.getByRole('button', { name: 'Check the rows' }).click()
  await expect(page.getByText('2 of 3 rows can be invited.')).toBeVisible()
  await expect(page.getByRole('cell', { name: 'Not an e-mail address.' })).toBeVisible()
  await expectNoAxeViolations(page)
  await screenshot(page, 'rollout-csv-preview')
  expect(catcher.messages).toHaveLength(0)
  await page.getByRole('button', { name: 'Send 2 invitations' }).click()
  await expect(page.getByText('2 invitations sent by e-mail.')).toBeVisible()

  const mail = await catcher.waitFor((m) => m.to === 'pia@fresh.test', 30_000)
  expect(mail.subject).toContain('Fresh Bakery')
  expect(mail.html).toContain('Fresh Bakery')
  const link = /(http:\/\/\S+\/invite\/[a-z0-9]+)/.exec(mail.text)?.[1]
  expect(link?.startsWith(origin)).toBe(true)

  const inviteeContext = await browser.newContext({ baseURL: origin })
  const invitee = await inviteeContext.newPage()
  await invitee.goto(link!)
  await expect(invitee.getByRole('heading', { level: 1 })).toContainText('Welcome to Fresh Bakery')
  await expect(invitee.getByLabel('Your name')).toHaveValue('Pia Baker')
  await expectNoAxeViolations(invitee)
  await invitee.getByLabel('Password', { exact: true }).fill('pias-long-password')
  await invitee.getByLabel('Password again').fill('pias-long-password')
  await invitee.getByRole('button', { name: 'Join and start' }).click()
  await expect(invitee.getByRole('link', { name: /Your account \(Pia Baker\)/ })).toBeVisible()
  await invitee.goto(link!)
  await expect(invitee.getByText('This invitation has already been used')).toBeVisible()
  await inviteeContext.close()
  await context.close()
})

test('forgot password end to end: the e-mailed link resets the password once and signs in', async ({ browser }) => {
  test.setTimeout(90_000)
  const context = await browser.newContext({ baseURL: origin })
  const page = await context.newPage()
  await page.goto('/login')
  await page.getByRole('link', { name: 'Forgot your password?' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Forgot your password?')
  await expectNoAxeViolations(page)
  await page.getByLabel('E-mail').fill(ADMIN.email)
  await page.getByRole('button', { name: 'Send the link' }).click()
  await expect(page.getByText('an e-mail with a link to choose a new password is on its way')).toBeVisible()
  // An unknown address gets the very same answer.
  await page.goto('/forgot-password')
  await page.getByLabel('E-mail').fill('nobody@fresh.test')
  await page.getByRole('button', { name: 'Send the link' }).click()
  await expect(page.getByText('an e-mail with a link to choose a new password is on its way')).toBeVisible()

  const mail = await catcher.waitFor((m) => m.to === ADMIN.email && m.subject.includes('Reset your password'), 30_000)
  const link = /(http:\/\/\S+\/reset-password\/[a-z0-9]+)/.exec(mail.text)![1]
  await page.goto(link)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Choose a new password')
  await expectNoAxeViolations(page)
  await screenshot(page, 'rollout-reset-password')
  await page.getByLabel('New password', { exact: true }).fill('a-fresh-new-password')
  await page.getByLabel('New password again').fill('a-fresh-new-password')
  await page.getByRole('button', { name: 'Save the new password' }).click()
  await expect(page.getByRole('link', { name: /Your account \(Fran Founder\)/ })).toBeVisible()
  await page.goto(link)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('This link cannot be used')
  expect(catcher.messages.some((m) => m.to === 'nobody@fresh.test')).toBe(false)

  const fresh = await browser.newContext({ baseURL: origin })
  const signIn = await fresh.newPage()
  await signIn.goto('/login')
  await signIn.getByLabel('E-mail').fill(ADMIN.email)
  await signIn.getByLabel('Password').fill('a-fresh-new-password')
  await signIn.getByRole('button', { name: 'Sign in' }).click()
  await expect(signIn.getByRole('link', { name: /Your account/ })).toBeVisible()
  await fresh.close()
  await context.close()
})
