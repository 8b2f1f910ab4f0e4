// Pure and client-safe: one person's state in one cycle, and a cycle's funnel. Only the drill's
// current steps count, so removing a step can complete someone but never un-complete them.

export type AssignmentStatus = 'not-started' | 'in-progress' | 'done' | 'late' | 'overdue' | 'exempt' | 'left'

export interface AssignmentFacts {
  /** The person's own due time: the cycle's, a joiner's later one, or an extension. */
  dueAt: Date
  exempt: boolean
  left: boolean
  /** When each current step was done in this cycle (null: not yet). */
  stepsDoneAt: (Date | null)[]
}

export interface AssignmentState {
  status: AssignmentStatus
  stepsDone: number
  stepsTotal: number
  doneAt: Date | null
}

export function assignmentState(facts: AssignmentFacts, now: Date): AssignmentState {
  const stepsTotal = facts.stepsDoneAt.length
  const stepsDone = facts.stepsDoneAt.filter((at) => at !== null).length
  const complete = stepsTotal > 0 && stepsDone === stepsTotal
  const doneAt = complete ? new Date(Math.max(...facts.stepsDoneAt.map((at) => at!.getTime()))) : null
  const base = { stepsDone, stepsTotal, doneAt }
  if (facts.left) return { status: 'left', ...base }
  if (facts.exempt) return { status: 'exempt', ...base }
  if (doneAt) return { status: doneAt > facts.dueAt ? 'late' : 'done', ...base }
  if (now > facts.dueAt) return { status: 'overdue', ...base }
  return { status: stepsDone > 0 ? 'in-progress' : 'not-started', ...base }
}

export const isFinished = (status: AssignmentStatus) => status === 'done' || status === 'late'
/** Whether reminders and nudges still concern this person. */
export const needsReminding = (status: AssignmentStatus) => status === 'not-started' || status === 'in-progress' || status === 'overdue'

export interface Funnel {
  /** Everyone assigned who has not left. */
  assigned: number
  notStarted: number
  inProgress: number
  doneOnTime: number
  late: number
  overdue: number
  exempt: number
}

export function funnelOf(statuses: AssignmentStatus[]): Funnel {
  const funnel: Funnel = { assigned: 0, notStarted: 0, inProgress: 0, doneOnTime: 0, late: 0, overdue: 0, exempt: 0 }
  for (const status of statuses) {
    if (status === 'left') continue
    funnel.assigned++
    if (status === 'not-started') funnel.notStarted++
    else if (status === 'in-progress') funnel.inProgress++
    else if (status === 'done') funnel.doneOnTime++
    else if (status === 'late') funnel.late++
    else if (status === 'overdue') funnel.overdue++
    else funnel.exempt++
  }
  return funnel
}

/** Share of the people expected to do it (assigned, not exempt) who have done it, on time or late. */
export function completionShare(funnel: Funnel): number | null {
  const expected = funnel.assigned - funnel.exempt
  return expected > 0 ? (funnel.doneOnTime + funnel.late) / expected : null
}

export const STATUS_LABEL: Record<AssignmentStatus, string> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  done: 'Done',
  late: 'Done late',
  overdue: 'Overdue',
  exempt: 'Exempt',
  left: 'Left',
}
