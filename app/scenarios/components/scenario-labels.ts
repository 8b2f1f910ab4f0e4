// Client-safe display helpers shared by the scenario pages and components.
import { CHANNELS, DIFFICULTIES, MOODS, TEAMS_TAGS, type Channel, type Difficulty, type Mood, type TeamTag } from '../scenario-schema'

export const channelLabel = (channel: Channel) => CHANNELS[channel]
export const moodLabel = (mood: Mood) => MOODS[mood]
export const difficultyLabel = (difficulty: Difficulty) => DIFFICULTIES[difficulty]
export const teamLabel = (team: TeamTag) => TEAMS_TAGS[team]

/** Badge tone for a mood: how much care the first sentence of a reply needs. */
export function moodTone(mood: Mood): 'bad' | 'warn' | 'good' {
  if (mood === 'angry' || mood === 'frustrated') return 'bad'
  if (mood === 'calm' || mood === 'hopeful' || mood === 'delighted') return 'good'
  return 'warn'
}

export function initialsOf(name: string): string {
  const words = name.replace(/\([^)]*\)/g, '').trim().split(/\s+/).filter(Boolean)
  if (words.length === 0) return '?'
  const first = words[0][0] ?? ''
  const last = words.length > 1 ? (words[words.length - 1][0] ?? '') : ''
  return (first + last).toUpperCase()
}

/** A social-media style handle made from a display name: "Deepa Nair" → "@deepanair". */
export function handleOf(name: string): string {
  const handle = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '')
  return `@${handle || 'customer'}`
}

/** Names for the kinds of personal data the anonymiser replaces (labels from pii-types.ts). */
export const PII_LABEL_NAMES = {
  name: 'Name',
  email: 'E-mail',
  phone: 'Phone',
  address: 'Address',
  postcode: 'Postcode',
  url: 'Link',
  organization: 'Organisation',
  account_number: 'Reference number',
  username: 'Username',
  card_number: 'Card number',
  iban: 'IBAN',
  ip_address: 'IP address',
  national_id: 'National id',
  date_of_birth: 'Date of birth',
  date: 'Date',
  place: 'Place',
} as const satisfies Record<import('~/anonymiser/types').PiiLabel, string>

export const piiLabelName = (label: string) => (PII_LABEL_NAMES as Record<string, string>)[label] ?? label
