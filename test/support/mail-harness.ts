// For vitest files that send e-mail: the app's job queue in manual mode plus a real SMTP server,
// with SMTP_URL and APP_URL pointing at them for this file. Stopped after the file.
//
//   const { jobs, catcher } = await startMailHarness(database)
//   …queue mail…; await jobs.runDue(); const mail = await catcher.waitFor((m) => m.to === 'a@b.test')
import { afterAll } from 'vitest'
import type { Database } from '../../db/client.server'
import { startTestJobQueue } from './job-queue'
import { startSmtpCatcher } from './smtp-catcher'

export const TEST_APP_URL = 'https://rapport.example.test'

export async function startMailHarness(database: Database) {
  const jobs = await startTestJobQueue(database)
  const catcher = await startSmtpCatcher()
  process.env.SMTP_URL = catcher.url
  process.env.APP_URL = TEST_APP_URL
  afterAll(async () => {
    delete process.env.SMTP_URL
    await catcher.stop()
  })
  return { jobs, catcher }
}
