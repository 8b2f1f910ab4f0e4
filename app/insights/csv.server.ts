// The dashboard's figures as CSV: one row per team and month, exactly what the viewer may see on the
// pages (hidden figures stay empty, with the reason in `status`).
import type { Db } from '#db/client.server'
import type { Cci } from './cci'
import { csvLine as line } from '~/http/csv'
import { getOrganizationInsights, getTeamInsights, type Actor, type Criterion, type TeamFigures } from './insights.server'

const status = (cci: Cci) => cci.reason ?? 'ok'

function rows(teams: TeamFigures[], criteria: Criterion[]) {
  const header = [
    'team',
    'team_slug',
    'month',
    'access',
    'status',
    'cci',
    'cci_low',
    'cci_high',
    'reviewed_replies',
    'people',
    'reviewers',
    'reviews_given',
    'practised',
    'active_members',
    'participation_pct',
    // Empty percentage with drills_due 0: no drill was due that month.
    'drills_due',
    'drills_on_time_pct',
    ...criteria.map((c) => `criterion_${c.id}`),
  ]
  const body = teams.flatMap((team) =>
    team.trend.map((p) =>
      line([
        team.name,
        team.slug,
        p.month.slice(0, 7),
        team.access,
        status(p.cci),
        p.cci.value,
        p.cci.low,
        p.cci.high,
        p.cci.replies,
        p.cci.people,
        p.cci.reviewers,
        p.reviewsGiven,
        p.practised,
        p.activeMembers,
        p.participation === null ? null : p.participation * 100,
        p.drills?.due ?? null,
        p.drills?.share == null ? null : p.drills.share * 100,
        ...criteria.map((c) => p.criteria?.find((f) => f.criterionId === c.id)?.value ?? null),
      ]),
    ),
  )
  return [line(header), ...body].join('\r\n') + '\r\n'
}

export async function organizationCsv(db: Db, actor: Actor, options: { month?: string; now?: Date } = {}) {
  const insights = await getOrganizationInsights(db, actor, { ...options, everyMonth: true })
  return { csv: rows(insights.teams, insights.criteria), month: insights.month }
}

export async function teamCsv(db: Db, actor: Actor, slug: string, options: { month?: string; now?: Date } = {}) {
  const insights = await getTeamInsights(db, actor, slug, options)
  return { csv: rows([insights.team], insights.criteria), month: insights.month, slug: insights.team.slug }
}

export function csvResponse(csv: string, filename: string) {
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'private, no-store',
    },
  })
}
