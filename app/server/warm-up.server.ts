import type { Database } from '#db/client.server'
import { warmLessons } from '~/lessons/lessons.server'
import { logger } from '~/observability/logger.server'

/** Work done once at start so no request pays for it (e.g. compiling lessons). */
export async function warmUp(_database: Database) {
  // Every lesson compiled now: requests only ever hit the compile cache.
  const lessons = await warmLessons()
  logger.info(lessons, 'lessons compiled')
}
