import type { TurnRole } from '../transcript'
import { piiLabelName } from './scenario-labels'

/** A run of anonymised text: plain, or a replacement with the kind of data it replaced. */
export type TextPiece = { text: string; label?: string }

export interface PreviewTurnPieces {
  role: TurnRole
  speaker: readonly TextPiece[] | null
  pieces: readonly TextPiece[]
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (ch) => ESCAPES[ch])

/** Anonymised text with every replacement highlighted and named (for eyes and screen readers). */
export function anonymisedTextHtml(pieces: readonly TextPiece[]): string {
  let html = ''
  for (const piece of pieces) {
    if (!piece.label) {
      html += `<span>${escapeHtml(piece.text)}</span>`
      continue
    }
    const name = escapeHtml(piiLabelName(piece.label))
    html +=
      `<mark class="pii pii--${escapeHtml(piece.label)}"><span class="visually-hidden">[${name} replaced:] </span>` +
      `${escapeHtml(piece.text)}<span class="pii__label" aria-hidden="true">${name}</span></mark>`
  }
  return html
}

/**
 * The import preview's conversation as one HTML string (the items of `ol.import-turns`). Built as
 * a string rather than as React elements: a long conversation has thousands of highlighted values,
 * and rendering them element by element held the server's thread for hundreds of milliseconds.
 */
export function previewTurnsHtml(turns: readonly PreviewTurnPieces[]): string {
  let html = ''
  for (const turn of turns) {
    const speaker = turn.speaker ? turn.speaker.map((piece) => piece.text).join('').trim() : ''
    const who = turn.speaker ? anonymisedTextHtml(turn.speaker) : `<span>${turn.role === 'note' ? 'Note' : 'Customer'}</span>`
    const role = turn.speaker && speaker.toLowerCase() !== turn.role ? `<span class="import-turn__role">${turn.role === 'agent' ? 'our side' : turn.role}</span>` : ''
    html +=
      `<li class="import-turn import-turn--${turn.role}"><p class="import-turn__who">${who}${role}</p>` +
      `<p class="import-turn__text">${anonymisedTextHtml(turn.pieces)}</p></li>`
  }
  return html
}
