import { piiLabelName } from './scenario-labels'

/** A run of anonymised text: plain, or a replacement with the kind of data it replaced. */
export type TextPiece = { text: string; label?: string }

/** Anonymised text with every replacement highlighted and named (for eyes and screen readers). */
export function AnonymisedText({ pieces }: { pieces: readonly TextPiece[] }) {
  return (
    <>
      {pieces.map((piece, index) =>
        piece.label ? (
          <mark key={index} className={`pii pii--${piece.label}`}>
            <span className="visually-hidden">[{piiLabelName(piece.label)} replaced:] </span>
            {piece.text}
            <span className="pii__label" aria-hidden="true">
              {piiLabelName(piece.label)}
            </span>
          </mark>
        ) : (
          <span key={index}>{piece.text}</span>
        ),
      )}
    </>
  )
}
