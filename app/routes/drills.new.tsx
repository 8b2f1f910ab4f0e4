import { redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { DateTime } from 'luxon'
import { requireRole } from '~/auth/guards.server'
import { errorTitle, GeneralErrorBoundary } from '~/components/error-boundary'
import { DrillForm } from '~/drills/components/drill-form'
import drillStyles from '~/drills/components/drills.css'
import { drillFormValues, type DrillFormValues } from '~/drills/drill-form'
import { createDrill, drillFormOptions } from '~/drills/drills.server'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: drillStyles }]
export const meta: MetaFunction = ({ error }) => [{ title: error ? errorTitle(error) : 'Assign a drill · Rapport' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requireRole(context, request, ['admin', 'manager'])
  const options = await drillFormOptions(context.db, actor)
  // Opens now (to the next quarter hour), due in a week at 17:00.
  const now = DateTime.now().setZone(options.timeZone)
  const opens = now.plus({ minutes: 15 - (now.minute % 15) })
  const defaults: DrillFormValues = {
    title: '',
    note: '',
    steps: [],
    teamIds: [],
    personIds: [],
    excludedIds: [],
    opensDate: now.toISODate()!,
    opensTime: now.toFormat('HH:mm'),
    dueDate: opens.plus({ days: 7 }).toISODate()!,
    dueTime: '17:00',
    recurrence: 'none',
    joinerGraceDays: '7',
  }
  return { options, defaults }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = requireRole(context, request, ['admin', 'manager'])
  const values = drillFormValues(await request.formData())
  const result = await createDrill(context.db, actor, values)
  if (result.ok) throw redirect(`/drills/${result.value.id}`)
  return { values, errors: result.errors }
}

export default function NewDrillPage() {
  const { options, defaults } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const navigation = useNavigation()
  return (
    <div className="stack">
      <header className="page-header">
        <h1>Assign a drill</h1>
        <p>Pick the scenarios to practise, who does them and by when. Everyone assigned gets a notification, a reminder two days before it is due, and one the morning after if they miss it.</p>
      </header>
      <DrillForm options={options} values={result?.values ?? defaults} errors={result?.errors ?? {}} result={result} submitting={navigation.state === 'submitting'} />
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
