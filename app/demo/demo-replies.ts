// What the demo's year of history says: for each authored scenario, replies to its first reply
// prompt at three levels of quality, written for that customer and that situation. The history
// seed picks the reply whose band fits the score it gives, so every feedback page reads true.

export type QualityBand = 'weak' | 'fair' | 'strong'

/** The band a 0–100 reply score falls in. */
export function bandOf(score: number): QualityBand {
  if (score < 48) return 'weak'
  if (score < 70) return 'fair'
  return 'strong'
}

export const DEMO_REPLIES: Record<string, Record<QualityBand, string>> = {
  'api-breaking-change-engineering': {
    weak:
      'Hi Ingrid, thanks for flagging. The change was announced in the changelog for release 2024.19 as a consistency improvement. ' +
      'Amounts are now integers in pence, so please update your integration to divide by 100. Let us know if you have any other questions.',
    fair:
      'Hi Ingrid, sorry for the trouble this has caused. You are right that the total changed from pounds to pence in Tuesday’s release. ' +
      'We are discussing a rollback today and I will let you know what we decide. In the meantime dividing by 100 will give you the old values.',
    strong:
      'Ingrid, you are right, and I am sorry: we changed order.total inside v2 without the six months’ notice our API policy promises, and your payloads made the cause clear in minutes. ' +
      'I have switched your account back to the old decimal format as of 09:20, so your webhooks read as they did on Monday. ' +
      'A decision on rolling back for everyone is due at 15:00; I will write to you by 15:30 either way, with what we are doing for the other accounts.',
  },
  'blog-comment-complaint': {
    weak:
      'Hi Rosa, this is my personal blog, so please contact our support team about product issues. They are aware of the problem and working on it.',
    fair:
      'Sorry about this, Rosa. The PDF export bug for invoices with more than 20 lines is known and a fix is coming soon. I will ask support to look at your ticket.',
    strong:
      'Rosa, I am sorry, and thank you for saying it plainly. I work on invoicing: the fix for exports over 20 lines goes out Thursday morning. ' +
      'Until then, open the invoice, choose Print, then Save as PDF; the layout is identical. I will email you from your ticket today.',
  },
  'bounced-sales-email': {
    weak:
      'Hi Farah, thanks for your interest in upgrading. Please fill in the Talk to sales form on our pricing page and someone from the team will be in touch.',
    fair:
      'Hi Farah, sorry your email bounced; Tom has left the company. I can help with the upgrade. The Scale plan lifts your cap to 2 million map loads. ' +
      'Could you let me know a good time for a call this week?',
    strong:
      'Hi Farah, I am sorry: Tom left seven weeks ago and nobody moved his accounts or his mail, so you wrote into a void, and our sales form has been broken too. ' +
      'I am your account executive from today. With usage up 40% and two months at the cap, the Scale plan (2 million loads, a shared Slack channel, a named solutions engineer, 15% off yearly) fits. ' +
      'I have held Thursday at 10:00 in my calendar for you and your second product; reply with another time if that does not suit.',
  },
  'cancel-phone-contract-loyal': {
    weak:
      'I can help with that. To cancel I will need to transfer you to our disconnections team, who can give you your PAC codes. Is there anything else I can help with today?',
    fair:
      'I understand, Isabel, and thank you for being with us since 2016. Before you go, we do have a SIM-only plan at £14 a month with 40GB that might suit you better. Would you like to hear about it?',
    strong:
      'Isabel, thank you for nine years, and I am sorry nobody told you your term ended four months ago; you have been paying more than you needed to. ' +
      'You could keep both numbers at £14 a month on our loyalty plan, and for Luca, starting in Leeds, the student add-on gives him unlimited data for £5 more. ' +
      'If you would still rather move, I can send both transfer codes right now. Which would you like?',
  },
  'cancel-phone-contract': {
    weak:
      'I did hear you. As I said, our policy is to tell every customer about the offers available before cancelling. Shall I put you through to disconnections now?',
    fair:
      'Yes, I heard you, and I am sorry. You want to cancel, so let us do that. I just need to confirm a few details and then I can pass this on for you.',
    strong:
      'I did, and I am sorry: you asked a yes-or-no question and after three transfers you deserved a yes. Yes, I can cancel both lines myself, on this call, with no exit fee. ' +
      'I will text you both transfer codes now so your numbers can move with you. Give me two minutes.',
  },
  'contact-form-void': {
    weak:
      'Dear Margaret, thank you for your enquiry. Your requests were affected by a technical issue with our website forms, which has now been resolved. ' +
      'So that we can prepare a quote, please could you confirm how many pupils there are at each of your schools?',
    fair:
      'Dear Margaret, I am sorry for the delay in replying to you. Our website forms had a problem after a recent update. I can put together a quote for your trust this week; trusts with three or more schools get 20% off.',
    strong:
      'Dear Margaret, I am sorry: your three requests sat unread for five weeks because our form stopped reaching anyone after a website move. That is on us, not you. ' +
      'St Aidan’s 212 daily pupils on the pilot let me size a real figure for all five schools, with the 20% trust discount, and I will send it by Tuesday, in time for your governors on Thursday. ' +
      'Ordered by the end of June, it includes teacher onboarding for September.',
  },
  'disputed-charge-finance': {
    weak:
      'Dear Henrik, our records show that the account was on annual billing at the time of renewal, so the charge of £2,376 is correct. ' +
      'If you would like to switch to monthly billing from next year, please let us know.',
    fair:
      'Dear Henrik, sorry about this. I can see you asked to switch to monthly billing on 3 October. I have passed this to the team so they can look at a refund of the difference.',
    strong:
      'Dear Henrik, you are right, and thank you for the evidence. On 3 October we told you the switch was done, but it was only noted, never made, so you were charged £2,376 instead of £198. ' +
      'I have moved the account to monthly billing and will send you a credit note for £2,178 today; the refund goes out tomorrow and reaches your card in 3 to 5 working days. ' +
      'I am sorry this landed on a customer who has paid on time for four years.',
  },
  'facebook-post-outage': {
    weak: 'Hi Deepa, sorry for any inconvenience. We are not aware of any issues at the moment; please check our status page for updates.',
    fair: 'Hi Deepa, sorry about this. There is an outage in Harbourside and engineers are working on it. We hope to have it fixed soon. DM us if you need anything.',
    strong:
      'Deepa, I am sorry. A fibre cut by roadworks took out Harbourside at 06:10; engineers are on site, fix expected 13:00 but not certain. Our status page is wrong and being fixed. Please DM me about your line.',
  },
  'fourteen-security-questions': {
    weak:
      'I understand, Mr Ellis, but these questions are there for your security. We just have two more to go and then I can help you with your query.',
    fair:
      'No need to go to the branch, Mr Ellis, and I am sorry for all the questions. Let me skip the rest and look at your account for you now.',
    strong:
      'Please do not worry, Mr Ellis, you do not need a branch, and I am sorry: you logged in with your fingerprint, so none of those questions were needed. ' +
      'That is our mistake, not yours. I can see your account now; tell me what you would like to know and I will answer straight away.',
  },
  'late-delivery-gift': {
    weak:
      'Hello. Your parcel is with the courier and should arrive within their standard delivery timescales. Unfortunately delays can happen and are outside our control.',
    fair:
      'Hi Daniel, sorry your parcel is delayed. It is stuck at the courier’s depot and they expect to deliver it on Monday. I have asked them to prioritise it.',
    strong:
      'Hi Daniel, I am so sorry: Ama’s telescope is stuck at the courier’s depot and they will not get it to you before Monday. ' +
      'I have sent a new one, gift wrapped with your message, by express now at no cost; it arrives tomorrow by 18:00. Refuse the first parcel at the door, or keep it for the free return label.',
  },
  'linkedin-renewal-sales': {
    weak:
      'Hi Yusuf, thanks for reaching out. Harriet is on leave at the moment, so please email renewals@ and the team will get back to you.',
    fair:
      'Hi Yusuf, sorry you have not heard back; Harriet is on leave and the renewals inbox is behind. I will look into your quote and get back to you.',
    strong:
      "Hi Yusuf, thank you for finding me here, and I'm sorry you had to. Eleven days without an answer while a renewal date gets closer is not how we treat a client of four years. " +
      'I have taken off the SMS reminders add-on you never asked for, and with a two-year term I can cap the rise at 8%. ' +
      'I have also moved the renewal date by 30 days so nothing changes while we talk. Could we speak on Monday at 10:00?',
  },
  'refund-delayed-angry': {
    weak:
      'Dear Aisha, we apologise for the delay. Refunds can take 5 to 7 working days once your return has been processed. Please allow a few more days.',
    fair:
      'Dear Aisha, I am sorry you have had to chase us. I can see your return reached our warehouse but has not been processed. I have asked finance to refund the £189 without waiting for it.',
    strong:
      'Dear Aisha, you were promised 5 to 7 days twice and nothing happened, and I am sorry. The truth is we lost your coat inside our warehouse after it arrived on day 3. ' +
      'I have refunded the £189 today without waiting for it, plus your £4.50 postage and £15 for your trouble; it reaches your card in 3 to 5 working days. ' +
      'I will check on Friday that it has landed.',
  },
  'refund-delayed-calm': {
    weak: 'Hi Aisha, returns take up to 14 working days to process. Please wait until then and contact us again if you still have not received your refund.',
    fair:
      'Hi Aisha, thanks for checking in. Your coat reached us six days ago and is waiting to be processed. Once it is, the refund takes 3 to 5 working days.',
    strong:
      "Hi Aisha, thanks for checking, and it's lovely to hear from you again! Your coat reached our warehouse six days ago, so it's safe with us. " +
      "Returns are slow at the moment, so I've marked yours for priority: it should be processed within two working days, and the refund then takes 3 to 5 working days to reach your card.",
  },
  'return-damaged-item': {
    weak:
      'Hi Mei Lin, I can see your previous conversation. Our returns team will be in touch within 3 to 5 working days to arrange a collection of the damaged item.',
    fair:
      'Hi Mei Lin, sorry your lamp arrived broken. I have arranged a replacement for you, and you do not need to send the damaged one back.',
    strong:
      'Hi Mei Lin, I am sorry your lamp arrived cracked, and sorry you were told to wait 3 to 5 days yesterday; that was wrong. ' +
      'I have sent a new lamp base now, so it arrives tomorrow, in good time for Saturday, and there is no need to return the broken one. I have added a £10 voucher too.',
  },
  'sms-missed-engineer-visit': {
    weak: 'Hi, unfortunately the engineer was unable to attend today. Please call 0345 000 0000 to rebook your service.',
    fair: 'Hi Callum, sorry our engineer did not come today. His van broke down. We can come tomorrow 08:00-10:00 or Sat 09:00-13:00. Which suits?',
    strong:
      'Callum, I am sorry: the engineer’s van broke down at 09:40 and nobody told you, after you swapped shifts to be in. I have added £30 to your account. Can we come tomorrow 08:00-10:00 or Sat 09:00-13:00? Reply 1 or 2.',
  },
  'thank-you-after-fix': {
    weak: 'Dear Ruth, thank you for your feedback. We are glad the issue has been resolved. Please do not hesitate to contact us if you need anything else.',
    fair: 'Hi Ruth, thank you so much for your kind message, it is great to hear the marathon went smoothly. I will pass your thanks on to the team.',
    strong:
      'Hi Ruth, what a lovely message to read, thank you. I passed it straight to Dev, who fixed the time-zone bug from your screenshots, and it made his week. ' +
      'Two volunteers arriving an hour early at the 10k was our fault; hundreds arriving on time at the marathon was yours. Good luck with the season.',
  },
  'weekend-payment-hang-day-four': {
    weak:
      'Hi Kwame, I can see your payment went through on Wednesday and your account is now active. Sorry for any inconvenience. Is there anything else we can help with?',
    fair:
      'Hi Kwame, I am sorry nobody answered you over the weekend. Your payment went through on Wednesday and only one £49 charge stands. I have passed your feedback to the team.',
    strong:
      'Hi Kwame, I am sorry. Your ticket sat unanswered from Saturday to Thursday, and the hang was ours: our card processor timed out from Friday night until our fix on Tuesday. ' +
      'It cost your team three days of builds and a release. I have credited a month (£49), and only one charge stands; the two pending ones were released. I am your contact from here on.',
  },
  'weekend-payment-hang-first-contact': {
    weak:
      'Hi Kwame, thanks for your email. Our payments team will look into this on Monday. Please try again later or use a different card.',
    fair:
      'Hi Kwame, sorry about the trouble upgrading. We have a problem with payments at the moment. No money has been taken; the pending amounts will be released by your bank.',
    strong:
      'Hi Kwame, thank you for telling us, and I am sorry: the upgrade page is timing out for some payments since Friday night, the fault is ours, and nothing was taken from your card. ' +
      'So your 380 builds do not stop on Sunday, I have extended your trial by 14 days just now. You can upgrade once the fix is out; I will write on Monday when it is.',
  },
}

/** Reviewers' comments that fit a reply of each band (quoted by the demo's reviews). */
export const DEMO_REVIEW_COMMENTS: Record<QualityBand, { criterionId: string; text: string }[]> = {
  weak: [
    { criterionId: 'empathy', text: 'A stock apology: it never says what actually went wrong for them.' },
    { criterionId: 'ownership', text: 'Passes the problem to another team or back to the customer.' },
    { criterionId: 'next-step', text: 'No time and no owner for what happens next.' },
    { criterionId: 'context', text: 'Asks for or ignores things we already know about them.' },
  ],
  fair: [
    { criterionId: 'empathy', text: 'Acknowledges the problem; could name how it affected them.' },
    { criterionId: 'next-step', text: 'A clear time for the next update would help.' },
    { criterionId: 'warmth', text: 'Polite and human, if a little formal.' },
    { criterionId: 'context', text: 'Could use more of what we already know about them.' },
  ],
  strong: [
    { criterionId: 'empathy', text: 'Names what actually happened to them, not a stock apology.' },
    { criterionId: 'warmth', text: 'Friendly, and it reads like a person wrote it.' },
    { criterionId: 'ownership', text: 'Fixes it in the reply instead of passing it along.' },
    { criterionId: 'next-step', text: 'A concrete time and a way to reach the same person.' },
  ],
}
