// A real SMTP server for tests, in-process on a free port, that keeps every message it receives,
// parsed with mailparser.
//
//   const catcher = await startSmtpCatcher()        // catcher.url → 'smtp://127.0.0.1:PORT'
//   process.env.SMTP_URL = catcher.url              // or pass it to a spawned server's env
//   const mail = await catcher.waitFor((m) => m.to === 'ana@example.test')
//   mail.subject, mail.text, mail.html, mail.headers.get('list-unsubscribe'), catcher.messages
//   await catcher.stop()
import { simpleParser, type ParsedMail } from 'mailparser'
import { SMTPServer } from 'smtp-server'

export interface CaughtMail {
  from: string
  to: string
  subject: string
  text: string
  html: string
  headers: ParsedMail['headers']
  raw: string
}

export interface SmtpCatcher {
  url: string
  port: number
  messages: CaughtMail[]
  /** Resolves with the first message (already received or arriving) that matches; rejects after `timeoutMs`. */
  waitFor(match: (mail: CaughtMail) => boolean, timeoutMs?: number): Promise<CaughtMail>
  /** Makes the next `count` deliveries fail with a temporary SMTP error (to test retries). */
  failNext(count: number): void
  stop(): Promise<void>
}

/** `port` 0 (default) takes a free one; a browser test gives the port its server was told to use. */
export async function startSmtpCatcher(options: { port?: number } = {}): Promise<SmtpCatcher> {
  const messages: CaughtMail[] = []
  const waiters: { match: (mail: CaughtMail) => boolean; resolve: (mail: CaughtMail) => void }[] = []
  let failures = 0

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', async () => {
        if (failures > 0) {
          failures--
          const error = new Error('try again later') as Error & { responseCode: number }
          error.responseCode = 451
          return callback(error)
        }
        const raw = Buffer.concat(chunks).toString('utf8')
        const parsed = await simpleParser(raw)
        const mail: CaughtMail = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address).join(', '),
          subject: parsed.subject ?? '',
          text: parsed.text ?? '',
          html: typeof parsed.html === 'string' ? parsed.html : '',
          headers: parsed.headers,
          raw,
        }
        messages.push(mail)
        for (const waiter of [...waiters]) {
          if (waiter.match(mail)) {
            waiters.splice(waiters.indexOf(waiter), 1)
            waiter.resolve(mail)
          }
        }
        callback()
      })
    },
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  const address = server.server.address()
  const port = typeof address === 'object' && address ? address.port : 0

  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    messages,
    waitFor(match, timeoutMs = 15_000) {
      const found = messages.find(match)
      if (found) return Promise.resolve(found)
      return new Promise((resolve, reject) => {
        const waiter = { match, resolve: (mail: CaughtMail) => (clearTimeout(timer), resolve(mail)) }
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(waiter), 1)
          reject(new Error(`no matching e-mail within ${timeoutMs} ms (received ${messages.length})`))
        }, timeoutMs)
        waiters.push(waiter)
      })
    },
    failNext(count) {
      failures = count
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
