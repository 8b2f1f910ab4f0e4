import AxeBuilder from '@axe-core/playwright'
import { test as base, expect, type Page } from '@playwright/test'

export const DEMO_PASSWORD = 'rapport-demo'

/**
 * `login(email)` creates a session straight in the server's database (through a route that only
 * exists when RAPPORT_TEST_HOOKS is on) and sets the cookie: no typing, no password hashing.
 */
export const test = base.extend<{ login: (email: string) => Promise<void> }>({
  login: async ({ page, baseURL }, use) => {
    await use(async (email: string) => {
      const response = await page.request.post('/__test/session', { data: { email } })
      expect(response.ok(), `test session for ${email}`).toBeTruthy()
      const { token } = (await response.json()) as { token: string }
      const url = new URL(baseURL!)
      await page.context().addCookies([
        { name: 'rapport_session', value: token, domain: url.hostname, path: '/', httpOnly: true, sameSite: 'Lax' },
      ])
    })
  },
})

export { expect }

/** Runs axe on the page and fails with a readable list of violations. */
export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze()
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
  expect(summary, 'axe violations').toEqual([])
}

export async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: `test/.artifacts/screens/${name}.png`, fullPage: true })
}

/**
 * Full-page screenshots at 1280 px and 390 px (SHOTS_DIR, default test/.artifacts/screens), with
 * axe at both widths; fails when the page is wider than a 390 px phone.
 */
export async function screenshotBothWidths(page: Page, name: string) {
  const dir = process.env.SHOTS_DIR ?? 'test/.artifacts/screens'
  const size = page.viewportSize()
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 })
    await page.screenshot({ path: `${dir}/${name}-${width}.png`, fullPage: true })
    await expectNoAxeViolations(page)
    if (width === 390) expect(await page.evaluate(() => document.documentElement.scrollWidth), `${name} fits 390 px`).toBeLessThanOrEqual(390)
  }
  if (size) await page.setViewportSize(size)
}
