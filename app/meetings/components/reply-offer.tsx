import { Form } from '@remix-run/react'
import type { ReplyOfferStatus } from '../offers.server'

/** On the author's own reply page: offer it to the team's meeting (anonymously by default), or withdraw it. */
export function ReplyOfferControl({ offer }: { offer: ReplyOfferStatus | null }) {
  if (!offer) return null
  return (
    <section className="card reply-offer" aria-labelledby="reply-offer-heading">
      <h2 id="reply-offer-heading">Share it with {offer.teamName}’s review meeting</h2>
      {offer.offered ? (
        <>
          <p>
            You offered this reply {offer.named ? 'with your name' : 'anonymously'}. The facilitator may show it in the meeting; you can
            withdraw it at any time.
          </p>
          <Form method="post" action="/meetings/offers">
            <input type="hidden" name="replyId" value={offer.replyId} />
            <input type="hidden" name="intent" value="withdraw" />
            <button type="submit" className="button--secondary">
              Withdraw my offer
            </button>
          </Form>
        </>
      ) : (
        <Form method="post" action="/meetings/offers" className="form">
          <input type="hidden" name="replyId" value={offer.replyId} />
          <input type="hidden" name="intent" value="offer" />
          <p className="small muted">
            Nothing is shown without your say-so. Only the reply text and the scenario are shown, never your scores.
          </p>
          <fieldset className="reply-offer__choice">
            <legend>How should it be shown?</legend>
            <label className="row">
              <input type="radio" name="named" value="no" defaultChecked /> Anonymously (“a colleague”)
            </label>
            <label className="row">
              <input type="radio" name="named" value="yes" /> With my name
            </label>
          </fieldset>
          <button type="submit" className="button--secondary">
            Offer this reply
          </button>
        </Form>
      )}
    </section>
  )
}
