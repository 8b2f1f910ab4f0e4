// nodemailer over SMTP when SMTP_URL is set; otherwise null (messages stay in the outbox).
import type { Transporter } from 'nodemailer'

let cached: { url: string; transport: Transporter } | undefined

export async function smtpTransport(smtpUrl: string | undefined): Promise<Transporter | null> {
  if (!smtpUrl) return null
  if (cached?.url !== smtpUrl) {
    // Loaded on the first message, not at start: a server without SMTP never needs it.
    const { default: nodemailer } = await import('nodemailer')
    // Another message may have made it while this one waited for the import.
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
  }
  return cached.transport
}
