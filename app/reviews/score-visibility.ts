// Who may see one person's scores, said once so that the home page, the reply page, the insights
// help and the README never drift apart. The rule itself lives in `feedback.server.ts`
// (readableReply) and `insights/insights.server.ts` (team figures only, with thresholds).
export const WHO_SEES_SCORES =
  'Your scores are seen by you, by the managers of your teams and by admins, never by your colleagues: your team sees its CCI, never yours.'

/** The same rule, from the side of a manager or admin reading someone else's reply. */
export const WHY_YOU_SEE_THESE_SCORES =
  'You see this reply and its scores because you manage the writer’s team or are an admin. Their colleagues never see them.'
