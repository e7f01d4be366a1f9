import { mkdtemp, readdir, readFile } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { type ParsedMail, simpleParser } from 'mailparser'
import pino from 'pino'
import { SMTPServer } from 'smtp-server'
import { afterAll, describe, expect, it } from 'vitest'
import { createMailTransport, MAIL_FILE_NAME, type OutgoingMail } from './mail-transport.ts'

const logger = pino({ level: 'silent' })

const invite = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//LoopQuiz//Test//EN',
  'METHOD:REQUEST',
  'BEGIN:VEVENT',
  'UID:session-1@loopquiz.test',
  'DTSTAMP:20261204T120000Z',
  'DTSTART:20261208T170000Z',
  'DTEND:20261208T173000Z',
  'SUMMARY:Week 1',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n')

const mail: OutgoingMail = {
  to: { name: 'Ada Lovelace', address: 'ada@example.test' },
  subject: 'New session in Night class: Week 1',
  text: 'Hello Ada,\n\nJoin: http://localhost:3000/x\n',
  html: '<p>Hello Ada,</p><p><a href="http://localhost:3000/x">Join</a></p>',
  messageId: '<notification-1@loopquiz.test>',
  headers: {
    'List-Unsubscribe': '<http://localhost:3000/unsubscribe?token=abc>',
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  },
  calendar: { method: 'REQUEST', content: invite },
}

/** An SMTP server on loopback that keeps what it receives, with the credentials it saw. */
async function startSmtpServer() {
  const received: { raw: Buffer; user: string | undefined }[] = []
  const server = new SMTPServer({
    // Plain SMTP on loopback: the test has no certificate to offer.
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    onAuth(auth, _session, callback) {
      if (auth.username === 'mailer' && auth.password === 'secret') {
        callback(null, { user: auth.username })
      } else {
        callback(new Error('bad credentials'))
      }
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        received.push({ raw: Buffer.concat(chunks), user: session.user as string | undefined })
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.server.address() as AddressInfo
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))
  return { port, received }
}

function expectTheMail(parsed: ParsedMail) {
  expect(parsed.subject).toBe(mail.subject)
  expect(parsed.from?.value).toEqual([{ name: 'LoopQuiz', address: 'no-reply@loopquiz.test' }])
  expect(parsed.to).toMatchObject({
    value: [{ name: 'Ada Lovelace', address: 'ada@example.test' }],
  })
  expect(parsed.text).toBe(mail.text)
  expect(parsed.html).toBe(mail.html)
  expect(parsed.messageId).toBe(mail.messageId)
  expect(parsed.headerLines.map((header) => header.line)).toEqual(
    expect.arrayContaining([
      'List-Unsubscribe: <http://localhost:3000/unsubscribe?token=abc>',
      'List-Unsubscribe-Post: List-Unsubscribe=One-Click',
    ]),
  )
  // Calendar clients look for the invite as an alternative with its method, and as a file.
  const alternative = parsed.attachments.find((part) => part.contentType === 'text/calendar')
  expect(alternative?.contentDisposition).not.toBe('attachment')
  expect(alternative?.headers.get('content-type')).toMatchObject({
    params: { method: 'REQUEST' },
  })
  expect(alternative?.content.toString()).toBe(invite)
  const file = parsed.attachments.find((part) => part.filename === 'invite.ics')
  expect(file?.contentDisposition).toBe('attachment')
  expect(file?.content.toString()).toBe(invite)
}

describe('SMTP transport', () => {
  it('delivers text, HTML, headers and the invite to the SMTP server, signed in with the URL', async () => {
    const { port, received } = await startSmtpServer()
    const transport = createMailTransport({
      smtpUrl: `smtp://mailer:secret@127.0.0.1:${port}`,
      mailDir: '/nonexistent',
      from: 'LoopQuiz <no-reply@loopquiz.test>',
      logger,
    })
    await transport.send(mail)
    await transport.close()
    expect(received).toHaveLength(1)
    expect(received[0]?.user).toBe('mailer')
    expectTheMail(await simpleParser(received[0]?.raw ?? Buffer.alloc(0)))
  })

  it('fails the send when the server refuses the credentials', async () => {
    const { port, received } = await startSmtpServer()
    const transport = createMailTransport({
      smtpUrl: `smtp://mailer:wrong@127.0.0.1:${port}`,
      mailDir: '/nonexistent',
      from: 'LoopQuiz <no-reply@loopquiz.test>',
      logger,
    })
    await expect(transport.send(mail)).rejects.toThrow()
    await transport.close()
    expect(received).toHaveLength(0)
  })
})

describe('file transport', () => {
  it('writes each message as a parseable .eml file, creating the folder', async () => {
    const mailDir = path.join(await mkdtemp(path.join(tmpdir(), 'loopquiz-mail-')), 'mail')
    const transport = createMailTransport({
      smtpUrl: undefined,
      mailDir,
      from: 'LoopQuiz <no-reply@loopquiz.test>',
      logger,
    })
    await transport.send(mail)
    await transport.send({ ...mail, messageId: '<notification-2@loopquiz.test>' })
    await transport.close()
    const files = (await readdir(mailDir)).sort()
    expect(files).toHaveLength(2)
    for (const file of files) expect(file).toMatch(MAIL_FILE_NAME)
    const raw = await readFile(path.join(mailDir, files[0] ?? ''))
    // As SMTP carries it: CRLF line ends.
    expect(raw.toString()).toContain('\r\nSubject: ')
    expectTheMail(await simpleParser(raw))
  })
})
