// What the dashboard shows this person, in words: the page's title and headings say whose teams
// these are and how much of each one they see (client-safe, so the page and its tests share it).
import type { OrgRole } from '~/org/roles'
import type { TeamAccess } from './insights.server'

export interface InsightsScope {
  title: string
  teamsHeading: string
  note: string | null
}

export function insightsScope(role: OrgRole, access: readonly TeamAccess[]): InsightsScope {
  if (role === 'admin') {
    return { title: 'Customer-centricity, every team', teamsHeading: 'Every team', note: null }
  }
  const own = access.filter((a) => a !== 'aggregate').length
  const yourTeams = own === 1 ? 'your team' : 'your teams'
  if (access.includes('aggregate')) {
    return {
      title: 'Customer-centricity: your teams in full, the others in aggregate',
      teamsHeading: 'Your teams, then the others in aggregate',
      note:
        'Teams you lead show every figure, including the criteria and who has not practised. For the other teams you see ' +
        'their CCI, its trend, participation and reviews given only (aggregate), never their criteria or names.',
    }
  }
  const capital = own === 1 ? 'Your team' : 'Your teams'
  return {
    title: `Customer-centricity in ${yourTeams}`,
    teamsHeading: capital,
    note: role === 'member' ? `You see ${yourTeams}: the teams you belong to. Each team’s figures are for its own members and managers.` : null,
  }
}
