// Client-safe: the sections of a meeting's agenda and the facilitator's plan for them (order, skipped
// sections, their own discussion points, the offered replies they picked). The live meeting walks the
// plan's steps in order.

export const SECTIONS = [
  'cci',
  'criteria',
  'participation',
  'hardest-scenario',
  'last-actions',
  'celebrate',
  'calibration',
  'new-actions',
] as const
export type SectionKey = (typeof SECTIONS)[number]
/** A section, or one of the facilitator's discussion points (`point:<id>`). */
export type StepKey = SectionKey | `point:${string}`

export const SECTION_TITLES: Record<SectionKey, string> = {
  cci: 'Customer-centricity index',
  criteria: 'Criterion by criterion',
  participation: 'Participation and drills',
  'hardest-scenario': 'Hardest scenario of the month',
  'last-actions': 'Last month’s action items',
  celebrate: 'Replies worth celebrating',
  calibration: 'Blind group calibration',
  'new-actions': 'Action items for next month',
}

/** Planned minutes per step, for the facilitator's timer. */
export const SECTION_MINUTES: Record<SectionKey, number> = {
  cci: 5,
  criteria: 10,
  participation: 5,
  'hardest-scenario': 10,
  'last-actions': 10,
  celebrate: 10,
  calibration: 15,
  'new-actions': 10,
}
export const POINT_MINUTES = 5

export interface DiscussionPoint {
  id: string
  title: string
}

export interface MeetingPlan {
  order: StepKey[]
  skipped: StepKey[]
  points: DiscussionPoint[]
  pickedReplyIds: string[]
}

const isSection = (key: string): key is SectionKey => (SECTIONS as readonly string[]).includes(key)

/** A plan as stored (possibly empty or from an older version) made whole: every section and point appears once in the order. */
export function normalisePlan(raw: unknown): MeetingPlan {
  const value = (raw && typeof raw === 'object' ? raw : {}) as Partial<MeetingPlan>
  const points = Array.isArray(value.points)
    ? value.points.filter((p): p is DiscussionPoint => Boolean(p && typeof p.id === 'string' && typeof p.title === 'string'))
    : []
  const known = new Set<string>([...SECTIONS, ...points.map((p) => `point:${p.id}`)])
  const order: StepKey[] = []
  for (const key of Array.isArray(value.order) ? value.order : []) {
    if (typeof key === 'string' && known.has(key) && !order.includes(key as StepKey)) order.push(key as StepKey)
  }
  // New sections go before the closing "new actions"; new points just before them too.
  for (const key of known) {
    if (order.includes(key as StepKey)) continue
    const closing = order.indexOf('new-actions')
    if (closing >= 0 && key !== 'new-actions') order.splice(closing, 0, key as StepKey)
    else order.push(key as StepKey)
  }
  const skipped = (Array.isArray(value.skipped) ? value.skipped : []).filter((k): k is StepKey => typeof k === 'string' && known.has(k))
  const pickedReplyIds = (Array.isArray(value.pickedReplyIds) ? value.pickedReplyIds : []).filter(
    (id): id is string => typeof id === 'string',
  )
  return { order, skipped, points, pickedReplyIds }
}

/** The steps the live meeting walks through: the plan's order without the skipped ones. */
export const stepsOf = (plan: MeetingPlan): StepKey[] => plan.order.filter((key) => !plan.skipped.includes(key))

export function stepTitle(key: StepKey, plan: Pick<MeetingPlan, 'points'>): string {
  if (isSection(key)) return SECTION_TITLES[key]
  const id = key.slice('point:'.length)
  return plan.points.find((p) => p.id === id)?.title ?? 'Discussion point'
}

export const stepMinutes = (key: StepKey) => (isSection(key) ? SECTION_MINUTES[key] : POINT_MINUTES)

export function moveStep(plan: MeetingPlan, key: StepKey, direction: 'up' | 'down'): MeetingPlan {
  const order = [...plan.order]
  const at = order.indexOf(key)
  const to = direction === 'up' ? at - 1 : at + 1
  if (at < 0 || to < 0 || to >= order.length) return plan
  ;[order[at], order[to]] = [order[to], order[at]]
  return { ...plan, order }
}

export function toggleSkipped(plan: MeetingPlan, key: StepKey, skip: boolean): MeetingPlan {
  const skipped = plan.skipped.filter((k) => k !== key)
  if (skip) skipped.push(key)
  return { ...plan, skipped }
}

export const isSectionKey = isSection
