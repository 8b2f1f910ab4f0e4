import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { requireUser } from '~/auth/guards.server'
import { listLessons } from '~/lessons/lessons.server'
import { lessonsDoneBy } from '~/lessons/progress.server'
import { errorTitle } from '~/components/error-boundary'
import { cachedUntilNextWrite } from '~/http/page-cache'

// Answered from memory until the next write to the database (app/server/page-cache.server.ts).
export const handle = cachedUntilNextWrite

export const meta: MetaFunction = ({ error }) => [{ title: error ? errorTitle(error) : 'Lessons · Rapport' }]

const searchSchema = z.object({
  q: z.string().trim().max(100).catch(''),
  tag: z.string().trim().max(40).catch(''),
})

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(context, request)
  const url = new URL(request.url)
  const { q, tag } = searchSchema.parse({ q: url.searchParams.get('q') ?? '', tag: url.searchParams.get('tag') ?? '' })
  const [lessons, done] = await Promise.all([listLessons(), lessonsDoneBy(context.db, user)])

  const words = q.toLowerCase().split(/\s+/).filter(Boolean)
  const matches = lessons.filter((lesson) => {
    if (tag && !lesson.tags.includes(tag)) return false
    const haystack = [lesson.title, lesson.summary, ...lesson.tags].join(' ').toLowerCase()
    return words.every((word) => haystack.includes(word))
  })
  const tagCounts = new Map<string, number>()
  for (const lesson of lessons) for (const t of lesson.tags) tagCounts.set(t, (tagCounts.get(t) ?? 0) + 1)

  return {
    q,
    tag,
    total: lessons.length,
    finished: lessons.filter((l) => done.has(l.slug)).length,
    tags: [...tagCounts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([name, count]) => ({ name, count })),
    lessons: matches.map((l) => ({
      slug: l.slug,
      title: l.title,
      summary: l.summary,
      minutes: l.minutes,
      tags: l.tags,
      done: done.has(l.slug),
    })),
  }
}

function withParams(params: { q?: string; tag?: string }) {
  const search = new URLSearchParams()
  if (params.q) search.set('q', params.q)
  if (params.tag) search.set('tag', params.tag)
  const text = search.toString()
  return text ? `/lessons?${text}` : '/lessons'
}

export default function LessonsPage() {
  const { q, tag, total, finished, tags, lessons } = useLoaderData<typeof loader>()
  const filtered = q !== '' || tag !== ''
  return (
    <div className="stack">
      <header className="page-header">
        <h1>Lessons</h1>
        <p>
          Short reads on how every team shapes what customers live through — each ends with a real situation to practise.
          You have finished <strong>{finished}</strong> of {total}.
        </p>
      </header>

      <div className="lesson-filters">
        <Form method="get" role="search" className="lesson-search" aria-label="Lessons">
          <label htmlFor="lesson-q">Search by title or tag</label>
          <div className="lesson-search__row">
            <input id="lesson-q" type="search" name="q" defaultValue={q} placeholder="e.g. silence, finance, automation" />
            {tag ? <input type="hidden" name="tag" value={tag} /> : null}
            <button type="submit">Search</button>
          </div>
        </Form>
        <nav aria-label="Filter by tag" className="tag-filter">
          <ul>
            <li>
              <Link to={withParams({ q })} aria-current={tag === '' ? 'page' : undefined} className="tag-chip">
                All tags
              </Link>
            </li>
            {tags.map((t) => (
              <li key={t.name}>
                <Link to={withParams({ q, tag: t.name })} aria-current={tag === t.name ? 'page' : undefined} className="tag-chip">
                  {t.name} <span className="tag-chip__count">{t.count}</span>
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </div>

      <p className="lesson-count" role="status">
        {filtered
          ? `${lessons.length} of ${total} lessons${q ? ` match “${q}”` : ''}${tag ? ` tagged “${tag}”` : ''}.`
          : `${total} lessons.`}{' '}
        {filtered ? <Link to="/lessons">Show all lessons</Link> : null}
      </p>

      {lessons.length === 0 ? (
        <p className="empty">No lesson matches that. Try another word, or pick a tag.</p>
      ) : (
        <ul className="lesson-list">
          {lessons.map((lesson) => (
            <li key={lesson.slug} className={`lesson-card${lesson.done ? ' lesson-card--done' : ''}`}>
              <div className="lesson-card__head">
                <h2 className="lesson-card__title">
                  <Link to={`/lessons/${lesson.slug}`}>{lesson.title}</Link>
                </h2>
                {lesson.done ? (
                  <span className="lesson-tick" title="You finished this lesson">
                    <span aria-hidden="true">✓</span>
                    <span className="visually-hidden">Finished</span>
                  </span>
                ) : null}
              </div>
              <p className="lesson-card__summary">{lesson.summary}</p>
              <p className="lesson-card__meta">
                <span>{lesson.minutes} min read</span>
                {lesson.tags.map((t) => (
                  <span key={t} className="badge">
                    {t}
                  </span>
                ))}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
