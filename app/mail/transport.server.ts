// nodemailer over SMTP when SMTP_URL is set; otherwise null (messages stay in the outbox).
import nodemailer, { type Transporter } from 'nodemailer'

let cached: { url: string; transport: Transporter } | undefined

export function smtpTransport(smtpUrl: string | undefined): Transporter | null {
  if (!smtpUrl) return null
  if (cached?.url !== smtpUrl) {
    cached?.transport.close()
    cached = {
      url: smtpUrl,
      // Bounded waits: a slow SMTP server fails the job (which retries), it never hangs a worker.
      transport: nodemailer.createTransport(smtpUrl, {
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 20_000,
      } as object),
    }
  }
  return cached.transport
}
