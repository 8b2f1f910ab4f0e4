import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { z } from 'zod'
import { requireUser } from '~/auth/guards.server'
import { GeneralErrorBoundary, errorTitle } from '~/components/error-boundary'
import { notFound } from '~/http/responses.server'
import { getLesson, listLessons } from '~/lessons/lessons.server'
import { LessonBody, type ReflectionNotice } from '~/lessons/mdx-components'
import { ProgressBar } from '~/lessons/progress-bar'
import { lessonNavigation, markLessonDone, reflectionsFor, saveReflection } from '~/lessons/progress.server'
import { scenarioTitles } from '~/lessons/scenario-titles.server'
import { createServerTiming } from '~/http/server-timing.server'
import { readForm } from '~/http/form.server'
import { cachedUntilNextWrite } from '~/http/page-cache'

export { serverTimingHeaders as headers } from '~/http/server-timing.server'

// Answered from memory until the next write to the database (app/server/page-cache.server.ts).
export const handle = cachedUntilNextWrite

export const meta: MetaFunction<typeof loader> = ({ data, error }) => [
  { title: data && !error ? `${data.lesson.title} · Lessons · Rapport` : errorTitle(error) },
  ...(data ? [{ name: 'description', content: data.lesson.summary }] : []),
]

const noticeParams = z.object({
  saved: z.string().max(80).optional(),
  removed: z.string().max(80).optional(),
})

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = requireUser(context, request)
  const slug = params.slug ?? ''
  const timing = createServerTiming()
  const lesson = await timing.time('lesson', () => getLesson(slug), 'compiled MDX (cached)')
  if (!lesson) notFound(`There is no lesson “${slug}”. It may have been renamed.`)

  const [all, reflections, titles, navigation] = await Promise.all([
    timing.time('lessons', () => listLessons()),
    timing.time('reflections', () => reflectionsFor(context.db, user, lesson.slug)),
    timing.time('scenario-titles', () => scenarioTitles(lesson.practice ?? [])),
    timing.time('progress', () => lessonNavigation(context.db, user, lesson.slug)),
  ])
  const index = all.findIndex((l) => l.slug === lesson.slug)
  const neighbour = (i: number) => (all[i] ? { href: `/lessons/${all[i].slug}`, title: all[i].title, path: null as string | null } : null)
  // On a path, "Next" follows the path (a lesson or a scenario); elsewhere, the catalogue.
  const onPath = navigation.onPath
  const pathStep = (step: { href: string; title: string } | null) => (step && onPath ? { href: step.href, title: step.title, path: onPath.path.title } : null)
  const previous = onPath ? pathStep(onPath.previous) : neighbour(index - 1)
  const next = onPath ? pathStep(onPath.next) : neighbour(index + 1)

  // After a reflection is saved we redirect here with ?saved=<id>, so a reload never posts twice.
  const url = new URL(request.url)
  const flags = noticeParams.safeParse(Object.fromEntries(url.searchParams))
  let notice: ReflectionNotice | null = null
  if (flags.success && flags.data.saved) notice = { id: flags.data.saved, tone: 'saved', message: 'Saved.' }
  if (flags.success && flags.data.removed) notice = { id: flags.data.removed, tone: 'saved', message: 'Note removed.' }

  return data(
    {
      lesson: {
        slug: lesson.slug,
        title: lesson.title,
        summary: lesson.summary,
        minutes: lesson.minutes,
        tags: lesson.tags,
        code: lesson.code,
      },
      done: navigation.lessonsDone.has(lesson.slug),
      reflections,
      scenarioTitles: titles,
      notice,
      previous,
      next,
      nextUp: navigation.nextUp,
    },
    { headers: timing.headers() },
  )
}

const actionSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('done') }),
  z.object({ intent: z.literal('reflection'), reflectionId: z.string(), text: z.string().default('') }),
])

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = requireUser(context, request)
  const slug = params.slug ?? ''
  const { form, problem } = await readForm(request)
  if (problem) {
    // Shown beside the reflection it came from, with the text as typed (minus what we cannot store).
    const reflectionId = String(form.get('reflectionId') ?? '').replaceAll('\0', '')
    const text = String(form.get('text') ?? '').replaceAll('\0', '')
    const notice: ReflectionNotice = { id: reflectionId, tone: 'error', message: problem.message, text }
    return data({ intent: 'reflection' as const, completedPaths: [] as string[], notice }, { status: 400 })
  }
  const parsed = actionSchema.safeParse(Object.fromEntries(form))
  if (!parsed.success) throw new Response('That form did not look right.', { status: 400 })

  if (parsed.data.intent === 'done') {
    const result = await markLessonDone(context.db, user, slug)
    return { intent: 'done' as const, completedPaths: result.completedPaths.map((p) => p.title), notice: null }
  }

  const { reflectionId, text } = parsed.data
  const result = await saveReflection(context.db, user, { lessonSlug: slug, reflectionId, text })
  if (result.ok) {
    const flag = result.status === 'saved' ? 'saved' : 'removed'
    return redirect(`/lessons/${slug}?${flag}=${encodeURIComponent(reflectionId)}#note-${reflectionId}`)
  }
  const notice: ReflectionNotice = { id: reflectionId, tone: 'error', message: result.error, text }
  return data({ intent: 'reflection' as const, completedPaths: [] as string[], notice }, { status: 400 })
}

export default function LessonPage() {
  const { lesson, done, reflections, scenarioTitles, notice, previous, next, nextUp } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const marking = navigation.state !== 'idle' && navigation.formData?.get('intent') === 'done'
  return (
    <article className="lesson" aria-labelledby="lesson-title">
      <p className="lesson__back">
        <Link to="/lessons">← All lessons</Link>
      </p>
      <header className="lesson__header">
        <p className="lesson__meta">
          <span>{lesson.minutes} min read</span>
          {lesson.tags.map((t) => (
            <Link key={t} to={`/lessons?tag=${encodeURIComponent(t)}`} className="badge">
              {t}
            </Link>
          ))}
          {done ? (
            <span className="badge badge--good">
              <span aria-hidden="true">✓ </span>Finished
            </span>
          ) : null}
        </p>
        <h1 id="lesson-title">{lesson.title}</h1>
        <p className="lesson__summary">{lesson.summary}</p>
      </header>

      <div className="prose lesson__body">
        <LessonBody
          code={lesson.code}
          reflections={reflections}
          reflectionFormAction={`/lessons/${lesson.slug}`}
          reflectionNotice={actionData?.notice ?? notice}
          scenarioTitles={scenarioTitles}
        />
      </div>

      <section className="lesson-finish" aria-labelledby="finish-title">
        <h2 id="finish-title">{done ? 'You finished this lesson' : 'Finished reading?'}</h2>
        {done ? (
          <p className="lesson-finish__done">
            <span aria-hidden="true" className="lesson-tick">
              ✓
            </span>{' '}
            Marked as done. Come back to your notes any time.
          </p>
        ) : (
          <Form method="post" action={`/lessons/${lesson.slug}`} className="lesson-finish__form">
            <input type="hidden" name="intent" value="done" />
            <button type="submit" disabled={marking}>
              {marking ? 'Marking…' : 'Mark as done'}
            </button>
            <span className="muted small">It counts towards your onboarding path.</span>
          </Form>
        )}
        {actionData?.completedPaths.length ? (
          <p className="form-success" role="status">
            You finished the path “{actionData.completedPaths.join('”, “')}”. Well done.
          </p>
        ) : null}
        {nextUp?.step ? (
          <div className="lesson-finish__next">
            <p>
              <span className="badge badge--accent">Next up</span> in <Link to={`/paths/${nextUp.path.slug}`}>{nextUp.path.title}</Link>:{' '}
              <Link to={nextUp.step.href}>{nextUp.step.title}</Link>
            </p>
            <ProgressBar done={nextUp.done} total={nextUp.total} label={`${nextUp.path.title} progress`} size="small" />
          </div>
        ) : null}
      </section>

      <nav aria-label={previous?.path ?? next?.path ? 'Previous and next step' : 'Previous and next lesson'} className="lesson-pager">
        {previous ? (
          <Link to={previous.href} rel="prev" className="lesson-pager__link lesson-pager__link--prev">
            <span className="lesson-pager__dir">{previous.path ? `← Previous in ${previous.path}` : '← Previous'}</span>
            <span className="lesson-pager__title">{previous.title}</span>
          </Link>
        ) : (
          <span />
        )}
        {next ? (
          <Link to={next.href} rel="next" className="lesson-pager__link lesson-pager__link--next">
            <span className="lesson-pager__dir">{next.path ? `Next in ${next.path} →` : 'Next →'}</span>
            <span className="lesson-pager__title">{next.title}</span>
          </Link>
        ) : null}
      </nav>
    </article>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
