import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { requireRole } from '~/auth/guards.server'
import { errorTitle } from '~/components/error-boundary'
import { Field, SelectField, TextareaField, fieldErrors } from '~/components/form-field'
import { rescheduleOrganization } from '~/jobs/all-jobs.server'
import { activeJobQueue } from '~/jobs/queue.server'
import { listPaths } from '~/lessons/paths.server'
import { getOrganizationSettings, settingsSchema, updateOrganizationSettings } from '~/org/settings.server'
import { timeZoneOptions } from '~/time/zoned-time'

export const meta: MetaFunction = ({ error }) => [{ title: error ? errorTitle(error) : 'Settings · Admin · Rapport' }]

const FIELDS = ['name', 'timeZone', 'reviewsPerReply', 'reviewsToUnlock', 'privacyMinReplies', 'privacyMinPeople', 'defaultPathSlug', 'allowedEmailDomains'] as const

export async function loader({ request, context }: LoaderFunctionArgs) {
  const admin = requireRole(context, request, ['admin'])
  const [settings, paths] = await Promise.all([getOrganizationSettings(context.db, admin.organizationId), listPaths()])
  return { settings, paths: paths.map((p) => ({ slug: p.slug, title: p.title })), timeZones: timeZoneOptions() }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = requireRole(context, request, ['admin'])
  const form = await request.formData()
  const values = Object.fromEntries(FIELDS.map((f) => [f, typeof form.get(f) === 'string' ? String(form.get(f)) : ''])) as Record<string, string>
  const parsed = settingsSchema.safeParse(values)
  if (!parsed.success) return data({ values, errors: fieldErrors(parsed.error.issues), done: false }, { status: 400 })
  const result = await updateOrganizationSettings(context.db, admin, values)
  if (!result.ok) return data({ values, errors: { [result.field]: result.error } as Record<string, string>, done: false }, { status: 400 })
  if (result.timeZoneChanged) await rescheduleOrganization(activeJobQueue(), { id: result.settings.id, timeZone: result.settings.timeZone })
  return { values: null, errors: {} as Record<string, string>, done: true }
}

export default function SettingsPage() {
  const { settings, paths, timeZones } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const busy = useNavigation().state === 'submitting'
  const errors: Record<string, string> = actionData?.errors ?? {}
  const v = (key: (typeof FIELDS)[number], fallback: string | number | null) => actionData?.values?.[key] ?? String(fallback ?? '')
  return (
    <div className="stack">
      <header className="page-header">
        <h1>Organization settings</h1>
        <p>These apply to everyone in {settings.name}.</p>
      </header>
      {actionData?.done ? (
        <p className="form-success" role="status">
          Settings saved.
        </p>
      ) : null}
      <Form method="post" className="stack" noValidate>
        <section className="card form" aria-labelledby="general-heading">
          <h2 id="general-heading">General</h2>
          <Field label="Organization name" name="name" defaultValue={v('name', settings.name)} error={errors.name} required />
          <SelectField
            label="Time zone"
            name="timeZone"
            defaultValue={v('timeZone', settings.timeZone)}
            error={errors.timeZone}
            options={timeZones.map((z) => ({ value: z, label: z.replace(/_/g, ' ') }))}
          />
          <p className="small muted">Every date in Rapport is shown in this zone, and daily e-mails go out at 08:00 in it.</p>
          <SelectField
            label="Default onboarding path"
            name="defaultPathSlug"
            defaultValue={v('defaultPathSlug', settings.defaultPathSlug)}
            error={errors.defaultPathSlug}
            options={[{ value: '', label: 'None' }, ...paths.map((p) => ({ value: p.slug, label: p.title }))]}
          />
          <TextareaField
            label="Allowed e-mail domains"
            name="allowedEmailDomains"
            rows={2}
            hint="Comma-separated, e.g. example.com, example.co.uk. Managers can only invite these; admins can invite anyone. Empty means any address."
            defaultValue={v('allowedEmailDomains', settings.allowedEmailDomains.join(', '))}
            error={errors.allowedEmailDomains}
          />
        </section>
        <section className="card form" aria-labelledby="review-heading">
          <h2 id="review-heading">Peer review</h2>
          <p className="small muted">Changes apply to replies written from now on; replies already waiting keep the numbers they were written under.</p>
          <div className="settings-grid">
            <Field label="Reviews each reply needs (M)" name="reviewsPerReply" type="number" min={1} max={7} inputMode="numeric" defaultValue={v('reviewsPerReply', settings.reviewsPerReply)} error={errors.reviewsPerReply} required />
            <Field
              label="Reviews to give to see one's results (N)"
              name="reviewsToUnlock"
              type="number"
              min={1}
              max={10}
              inputMode="numeric"
              hint="At least M, so everyone gives as many reviews as their reply takes."
              defaultValue={v('reviewsToUnlock', settings.reviewsToUnlock)}
              error={errors.reviewsToUnlock}
              required
            />
          </div>
        </section>
        <section className="card form" aria-labelledby="privacy-heading">
          <h2 id="privacy-heading">Privacy floor</h2>
          <p className="small muted">A team’s monthly figure is shown only when it is built from at least this many replies by at least this many people; otherwise the dashboard says “not enough data”.</p>
          <div className="settings-grid">
            <Field label="Minimum replies" name="privacyMinReplies" type="number" min={3} max={100} inputMode="numeric" defaultValue={v('privacyMinReplies', settings.privacyMinReplies)} error={errors.privacyMinReplies} required />
            <Field label="Minimum people" name="privacyMinPeople" type="number" min={2} max={50} inputMode="numeric" defaultValue={v('privacyMinPeople', settings.privacyMinPeople)} error={errors.privacyMinPeople} required />
          </div>
        </section>
        <div>
          <button type="submit" disabled={busy}>
            Save settings
          </button>
        </div>
      </Form>
    </div>
  )
}
