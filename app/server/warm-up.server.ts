import path from 'node:path'
import type { ServerBuild } from '@remix-run/node'
import type { ContentEntry } from '~/content/load-catalogue.server'
import { warmLessons } from '~/lessons/lessons.server'
import { logger } from '~/observability/logger.server'

/**
 * Work done once per build at start, so no request pays for it. In production the build gets its
 * frozen content catalogue (compiled by `npm run build`, or read now when content/ changed since);
 * in development lessons are compiled now and content files are re-read when they change.
 */
export async function prepareBuild(build: ServerBuild, { development, buildDir }: { development: boolean; buildDir: string }) {
  if (development) {
    logger.info(await warmLessons(), 'lessons compiled')
    return
  }
  const entry = build.entry.module as unknown as ContentEntry
  logger.info(await entry.prepareContent(path.join(buildDir, 'content.json')), 'content loaded')
}
