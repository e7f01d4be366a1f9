import { randomBytes } from 'node:crypto'
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { FastifyBaseLogger } from 'fastify'
import nodemailer, { type SendMailOptions } from 'nodemailer'

/** One message to one recipient, as the notification delivery job hands it over. */
export interface OutgoingMail {
  to: { name: string; address: string }
  subject: string
  text: string
  html: string
  /** Stable per notification, e.g. `<notification-id@host>`: a resend after a crash is recognisable. */
  messageId: string
  /** Extra headers, e.g. List-Unsubscribe and List-Unsubscribe-Post. */
  headers?: Record<string, string>
  /** An iCalendar text, sent as a `text/calendar; method=…` alternative and as invite.ics. */
  calendar?: { method: 'REQUEST' | 'CANCEL'; content: string }
}

/** Delivers mail; `send` rejects when the message was not accepted, so the job can retry it. */
export interface MailTransport {
  send(mail: OutgoingMail): Promise<void>
  close(): Promise<void>
}

/**
 * Names of the files the development transport writes: their time first, so they sort by it,
 * then a random part, so two in one millisecond do not overwrite each other. Colons are left
 * out of the time, as some file systems refuse them.
 */
export const MAIL_FILE_NAME = /^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}\.\d{3}Z-[0-9a-f]{8}\.eml$/

/**
 * Real mail over SMTP when an `smtp://` or `smtps://` URL is configured; otherwise each message
 * is written to `mailDir` as the exact RFC 822 text SMTP would have carried, for `/dev/mail`.
 */
export function createMailTransport(options: {
  smtpUrl: string | undefined
  mailDir: string
  from: string
  logger: FastifyBaseLogger
}): MailTransport {
  const { smtpUrl, mailDir, from, logger } = options
  if (smtpUrl) {
    const transporter = nodemailer.createTransport(smtpUrl)
    return {
      async send(mail) {
        const info = await transporter.sendMail(messageOf(mail, from))
        // The URL holds the password: only the message and the server's answer are logged.
        logger.info({ messageId: mail.messageId, response: info.response }, 'mail sent')
      },
      async close() {
        transporter.close()
      },
    }
  }
  // CRLF line ends, as on the wire.
  const composer = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    newline: 'windows',
  })
  return {
    async send(mail) {
      const info = await composer.sendMail(messageOf(mail, from))
      await mkdir(mailDir, { recursive: true })
      const time = new Date().toISOString().replaceAll(':', '-')
      const file = path.join(mailDir, `${time}-${randomBytes(4).toString('hex')}.eml`)
      await writeFile(file, info.message as Buffer)
      logger.info({ messageId: mail.messageId, file }, 'mail written (no SMTP_URL)')
    },
    async close() {},
  }
}

function messageOf(mail: OutgoingMail, from: string): SendMailOptions {
  return {
    from,
    to: { name: mail.to.name, address: mail.to.address },
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    messageId: mail.messageId,
    headers: mail.headers,
    ...(mail.calendar && {
      icalEvent: {
        method: mail.calendar.method,
        filename: 'invite.ics',
        content: mail.calendar.content,
      },
    }),
  }
}
