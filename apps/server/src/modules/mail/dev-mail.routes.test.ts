import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import Fastify from 'fastify'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { registerSecurityHeaders } from '../../plugins/security-headers.ts'
import { registerDevMailRoutes } from './dev-mail.routes.ts'
import { createMailTransport, type OutgoingMail } from './mail-transport.ts'

const mailDir = path.join(await mkdtemp(path.join(tmpdir(), 'loopquiz-dev-mail-')), 'mail')
const app = Fastify({ logger: false })
// The app's own headers, so the test sees the policy these pages are served with.
await registerSecurityHeaders(app)
registerDevMailRoutes(app, mailDir)
afterAll(() => app.close())

const invite = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n'

function mail(subject: string, overrides: Partial<OutgoingMail> = {}): OutgoingMail {
  return {
    to: { name: 'Ada Lovelace', address: 'ada@example.test' },
    subject,
    text: `Text of ${subject}\nJoin: http://localhost:3000/groups/g?a=1&b=2`,
    html: `<p style="color:#4338ca">HTML of ${subject}</p>`,
    messageId: `<${subject.replace(/\W/g, '')}@loopquiz.test>`,
    ...overrides,
  }
}

async function listedFiles(): Promise<string[]> {
  const response = await app.inject({ method: 'GET', url: '/dev/mail' })
  return [...response.body.matchAll(/href="\/dev\/mail\/([^"/]+)"/g)].map((match) => match[1] ?? '')
}

describe('dev mail pages', () => {
  it('says there is no mail yet before any was written', async () => {
    const response = await app.inject({ method: 'GET', url: '/dev/mail' })
    expect(response.statusCode).toBe(200)
    expect(response.body).toContain('No mail yet')
  })

  describe('with mail written', () => {
    beforeAll(async () => {
      const transport = createMailTransport({
        smtpUrl: undefined,
        mailDir,
        from: 'LoopQuiz <no-reply@loopquiz.test>',
        logger: pino({ level: 'silent' }),
      })
      await transport.send(mail('First <b>mail</b>'))
      // Names sort by time to the millisecond.
      await new Promise((resolve) => setTimeout(resolve, 5))
      await transport.send(
        mail('Second mail', { calendar: { method: 'REQUEST', content: invite } }),
      )
      // Not a name the transport writes: never listed nor shown.
      await writeFile(path.join(mailDir, 'notes.eml'), 'Subject: not mail\r\n\r\nhello')
    })

    it('lists the mail newest first with its recipient and escaped subject', async () => {
      const response = await app.inject({ method: 'GET', url: '/dev/mail' })
      expect(response.statusCode).toBe(200)
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8')
      expect(response.body).toContain('<html lang="en">')
      expect(response.body).toContain('<caption>2 messages, newest first</caption>')
      expect(response.body).toContain('Ada Lovelace')
      expect(response.body).toContain('First &lt;b&gt;mail&lt;/b&gt;')
      expect(response.body.indexOf('Second mail')).toBeLessThan(response.body.indexOf('First'))
      expect(response.body).not.toContain('notes.eml')
      expect(await listedFiles()).toHaveLength(2)
    })

    it('serves its pages with a policy of their own that lets styles through but no script', async () => {
      const response = await app.inject({ method: 'GET', url: '/dev/mail' })
      const policy = response.headers['content-security-policy']
      expect(policy).toContain("style-src 'unsafe-inline'")
      expect(policy).toContain("default-src 'none'")
      expect(policy).not.toContain('script-src')
    })

    it('shows one message: headers, text, the HTML in a sandboxed frame, attachments', async () => {
      const [newest] = await listedFiles()
      const response = await app.inject({ method: 'GET', url: `/dev/mail/${newest}` })
      expect(response.statusCode).toBe(200)
      expect(response.body).toContain('<h1>Second mail</h1>')
      expect(response.body).toContain(
        '<th scope="row">Message-ID</th><td>&lt;Secondmail@loopquiz.test&gt;</td>',
      )
      expect(response.body).toContain(
        '<pre>Text of Second mail\nJoin: <a href="http://localhost:3000/groups/g?a=1&amp;b=2">http://localhost:3000/groups/g?a=1&amp;b=2</a></pre>',
      )
      expect(response.body).toContain(
        '<iframe title="HTML body of the message" sandbox srcdoc="&lt;p style=&quot;color:#4338ca&quot;&gt;HTML of Second mail&lt;/p&gt;"></iframe>',
      )
      expect(response.body).toMatch(
        new RegExp(`<a href="/dev/mail/${newest}/attachments/\\d">invite.ics</a>`),
      )
    })

    it('downloads an attachment', async () => {
      const [newest] = await listedFiles()
      const page = await app.inject({ method: 'GET', url: `/dev/mail/${newest}` })
      const index = page.body.match(/attachments\/(\d)">invite.ics/)?.[1]
      const response = await app.inject({
        method: 'GET',
        url: `/dev/mail/${newest}/attachments/${index}`,
      })
      expect(response.statusCode).toBe(200)
      expect(response.headers['content-type']).toMatch(/^application\/ics/)
      expect(response.headers['content-disposition']).toBe('attachment; filename="invite.ics"')
      expect(response.body).toBe(invite)
      const missing = await app.inject({
        method: 'GET',
        url: `/dev/mail/${newest}/attachments/9`,
      })
      expect(missing.statusCode).toBe(404)
    })

    it.each([
      '/dev/mail/notes.eml',
      '/dev/mail/..%2F..%2Fetc%2Fpasswd',
      '/dev/mail/..%2Fmail%2Fnotes.eml',
      '/dev/mail/../../package.json',
      '/dev/mail/2026-12-04T20-45-12.345Z-00000000.eml',
      '/dev/mail/..%2Fnotes.eml/attachments/0',
    ])('refuses %s', async (url) => {
      const response = await app.inject({ method: 'GET', url })
      expect(response.statusCode).toBe(404)
      expect(response.body).not.toContain('hello')
    })
  })
})
