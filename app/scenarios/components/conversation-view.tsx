import type { Channel } from '../scenario-schema'
import { BlogCommentView } from './blog-comment-view'
import { ChatView } from './chat-view'
import { ContactFormView } from './contact-form-view'
import type { ChannelViewProps } from './conversation-parts'
import { EmailView } from './email-view'
import { LinkedinView } from './linkedin-view'
import { PhoneView } from './phone-view'
import { SmsView } from './sms-view'
import { SocialView } from './social-view'

const VIEWS: Record<Channel, (props: ChannelViewProps) => JSX.Element> = {
  email: EmailView,
  chat: ChatView,
  phone: PhoneView,
  social: SocialView,
  linkedin: LinkedinView,
  'blog-comment': BlogCommentView,
  'contact-form': ContactFormView,
  sms: SmsView,
}

/** The conversation so far, drawn the way its channel looks. */
export function ConversationView({ scenario }: ChannelViewProps) {
  const View = VIEWS[scenario.channel]
  return (
    <div className={`channel channel--${scenario.channel}`} data-channel={scenario.channel}>
      <View scenario={scenario} />
    </div>
  )
}
