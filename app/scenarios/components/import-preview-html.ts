import type { TurnRole } from '../transcript'
import { escapeHtml } from '~/http/escape-html'
import { piiLabelName } from './scenario-labels'

/** A run of anonymised text: plain, or a replacement with the kind of data it replaced. */
export type TextPiece = { text: string; label?: string }

export interface PreviewTurnPieces {
  role: TurnRole
  speaker: readonly TextPiece[] | null
  pieces: readonly TextPiece[]
}


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

export interface ReplacementRow {
  original: string
  replacement: string
  label: string
  count: number
}

/**
 * The items of the "What we replaced" list, each with its button to keep the value as written (or,
 * for a value the importer marked, to unmark it). A string for the same reason as the turns: a
 * long conversation has hundreds of values. `marked` maps a marked value (lower case) to its text.
 */
export function replacementListHtml(replacements: readonly ReplacementRow[], marked: ReadonlyMap<string, string>): string {
  let html = ''
  for (const r of replacements) {
    const original = escapeHtml(r.original)
    const markedAs = marked.get(r.original.toLowerCase())
    const meta = `${escapeHtml(piiLabelName(r.label))}${r.count > 1 ? ` · ${r.count}×` : ''}${markedAs !== undefined ? ' · marked by you' : ''}`
    const button =
      markedAs !== undefined
        ? `<button type="submit" name="drop-extra" value="${escapeHtml(markedAs)}" class="button--quiet">Unmark<span class="visually-hidden"> ${original}</span></button>`
        : `<button type="submit" name="unmark" value="${original}" class="button--quiet">Not personal — keep<span class="visually-hidden"> ${original}</span></button>`
    html +=
      `<li class="replacement"><span class="replacement__values"><span class="replacement__original">${original}</span>` +
      `<span aria-hidden="true"> → </span><span class="visually-hidden"> becomes </span>` +
      `<mark class="pii pii--${escapeHtml(r.label)}">${escapeHtml(r.replacement)}</mark></span>` +
      `<span class="replacement__meta small muted">${meta}</span>${button}</li>`
  }
  return html
}
