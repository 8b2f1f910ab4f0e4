// Rubrics are versioned by content hash: a reply records the version current when it was
// submitted, and its reviews are scored against that version even after the file changes.
import { and, desc, eq } from 'drizzle-orm'
import type { Db } from '#db/client.server'
import { rubricVersions } from '#db/schema'
import { rubricSchema, type Rubric } from './rubric-schema'
import { DEFAULT_RUBRIC_ID, loadRubric, rubricHash } from './rubric.server'

export interface StoredRubric {
  id: string
  version: number
  rubric: Rubric
}

// Per database handle (tests open many), content hash → stored version.
const known = new WeakMap<object, Map<string, StoredRubric>>()

/** The stored version of the rubric file as it is now, inserted on first use of this content. */
export async function ensureRubricVersion(db: Db, rubricId = DEFAULT_RUBRIC_ID): Promise<StoredRubric> {
  const [hash, rubric] = await Promise.all([rubricHash(rubricId), loadRubric(rubricId)])
  const cache = known.get(db) ?? new Map<string, StoredRubric>()
  known.set(db, cache)
  const cached = cache.get(`${rubricId}:${hash}`)
  if (cached) return cached

  const find = async () => {
    const [row] = await db
      .select()
      .from(rubricVersions)
      .where(and(eq(rubricVersions.rubricId, rubricId), eq(rubricVersions.contentHash, hash)))
    return row
  }
  let row = await find()
  if (!row) {
    const [latest] = await db
      .select({ version: rubricVersions.version })
      .from(rubricVersions)
      .where(eq(rubricVersions.rubricId, rubricId))
      .orderBy(desc(rubricVersions.version))
      .limit(1)
    // Two servers starting at once may race here; the unique (rubric_id, content_hash) keeps one row.
    await db
      .insert(rubricVersions)
      .values({ rubricId, version: (latest?.version ?? 0) + 1, contentHash: hash, definition: rubric })
      .onConflictDoNothing()
    row = await find()
  }
  const stored = { id: row.id, version: row.version, rubric: rubricSchema.parse(row.definition) }
  cache.set(`${rubricId}:${hash}`, stored)
  return stored
}

// A stored version never changes (a new rubric text gets a new row), so it is read once per process.
const versionsById = new Map<string, StoredRubric>()

/** A stored rubric version by id (the one a reply was submitted under). */
export async function getRubricVersion(db: Db, id: string): Promise<StoredRubric> {
  const cached = versionsById.get(id)
  if (cached) return cached
  const [row] = await db.select().from(rubricVersions).where(eq(rubricVersions.id, id))
  if (!row) throw new Error(`Rubric version ${id} does not exist`)
  const stored = { id: row.id, version: row.version, rubric: rubricSchema.parse(row.definition) }
  versionsById.set(id, stored)
  return stored
}

/** The rubric a reply is reviewed against: its own version, or today's when it has none. */
export async function rubricForReply(db: Db, rubricVersionId: string | null): Promise<StoredRubric> {
  return rubricVersionId ? getRubricVersion(db, rubricVersionId) : ensureRubricVersion(db)
}
