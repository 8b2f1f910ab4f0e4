// Browser-test hook (RAPPORT_TEST_HOOKS only): POST /__test/jobs/run with JSON
//   { "name"?: job name, "key"?: schedule key (e.g. an organization id), "at"?: ISO time }
// runs that scheduled job now as if the clock read `at`, then every job that is due (e-mail to send…),
// and answers { ran: n }. With no name it only runs what is due.
import express from 'express'
import { activeJobQueue } from './queue.server'

export function jobTestHooks() {
  const router = express.Router()
  router.post('/jobs/run', express.json(), async (req, res, next) => {
    try {
      const jobs = activeJobQueue()
      if (!jobs) return res.status(503).json({ error: 'the job queue is not running' })
      const { name, key, at } = (req.body ?? {}) as { name?: string; key?: string; at?: string }
      if (at !== undefined && Number.isNaN(new Date(at).getTime())) return res.status(400).json({ error: 'bad at' })
      if (name) await jobs.runScheduledNow(name, { key, at: at ? new Date(at) : undefined })
      const ran = await jobs.runDue()
      res.json({ ran })
    } catch (error) {
      next(error)
    }
  })
  return router
}
