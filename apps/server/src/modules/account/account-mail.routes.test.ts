import type { ParsedMail } from 'mailparser'
import { beforeAll, describe, expect, it } from 'vitest'
import { startSmtpSink } from '../../test/smtp-sink.ts'
import { createTestApp, signUp, TEST_ORIGIN, type TestApp } from '../../test/test-app.ts'

let app: TestApp
let sink: Awaited<ReturnType<typeof startSmtpSink>>

beforeAll(async () => {
  sink = await startSmtpSink()
  app = await createTestApp({ smtpUrl: sink.url })
})

const addressOf = (mail: ParsedMail) =>
  (Array.isArray(mail.to) ? mail.to[0] : mail.to)?.value[0]?.address ?? ''

/** The newest mail to `address` whose subject matches, waiting for it to arrive. */
async function mailTo(address: string, subject: RegExp): Promise<ParsedMail> {
  const deadline = Date.now() + 15_000
  for (;;) {
    const found = sink.received.findLast(
      (mail) => addressOf(mail) === address && subject.test(mail.subject ?? ''),
    )
    if (found) return found
    if (Date.now() > deadline) throw new Error(`no mail "${subject}" to ${address}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/** The link of a mail's text part whose path starts with `prefix`. */
function linkIn(mail: ParsedMail, prefix: string): URL {
  for (const match of (mail.text ?? '').matchAll(/https?:\/\/\S+/g)) {
    const url = new URL(match[0])
    if (url.pathname.startsWith(prefix)) return url
  }
  throw new Error(`no ${prefix} link in "${mail.subject}"`)
}

const sessionOf = async (headers: Record<string, string>) =>
  (await app.inject({ method: 'GET', url: '/api/auth/get-session', headers })).json()

const signIn = (email: string, password: string) =>
  app.inject({
    method: 'POST',
    url: '/api/auth/sign-in/email',
    headers: { origin: TEST_ORIGIN },
    payload: { email, password },
  })

describe('confirming an e-mail address', () => {
  it('mails a link on sign-up that confirms the address', async () => {
    const user = await signUp(app, 'Grace')
    expect((await sessionOf(user.bearer)).user.emailVerified).toBe(false)
    const mail = await mailTo(user.email, /Confirm your e-mail address/)
    expect(mail.text).toContain('Hello Grace,')
    const link = linkIn(mail, '/api/auth/verify-email')
    const response = await app.inject({ method: 'GET', url: link.pathname + link.search })
    expect(response.statusCode).toBeLessThan(400)
    expect((await sessionOf(user.bearer)).user.emailVerified).toBe(true)
  })

  it('lets only a confirmed address accept the invitation sent to it', async () => {
    const owner = await signUp(app, 'Owner')
    const invitee = await signUp(app, 'Invitee')
    const group = (
      await app.inject({
        method: 'POST',
        url: '/api/groups',
        headers: owner.bearer,
        payload: { name: 'Reading club', privacy: 'private', timezone: 'UTC' },
      })
    ).json()
    const invitation = (
      await app.inject({
        method: 'POST',
        url: `/api/groups/${group.id}/invitations`,
        headers: owner.bearer,
        payload: { email: invitee.email },
      })
    ).json()
    const mail = await mailTo(invitee.email, /Owner invited you to Reading club/)
    const link = linkIn(mail, '/invitations/')
    expect(link.href).toBe(invitation.url)
    const accept = () =>
      app.inject({
        method: 'POST',
        url: `/api/invitations${link.pathname.slice('/invitations'.length)}/accept`,
        headers: invitee.bearer,
      })
    const refused = await accept()
    expect(refused.statusCode).toBe(403)
    expect(refused.json().error.code).toBe('EMAIL_NOT_VERIFIED')

    const confirmation = linkIn(
      await mailTo(invitee.email, /Confirm your e-mail address/),
      '/api/auth/verify-email',
    )
    await app.inject({ method: 'GET', url: confirmation.pathname + confirmation.search })
    expect((await accept()).json()).toEqual({ groupId: group.id, status: 'joined' })
    // An account that has the address also finds the invitation in its notification center.
    const page = (
      await app.inject({ method: 'GET', url: '/api/notifications', headers: invitee.bearer })
    ).json()
    expect(page.items[0]).toMatchObject({
      type: 'invitation',
      actorName: 'Owner',
      link: link.pathname,
    })
  })

  it('mails an invitation to an address that has no account yet', async () => {
    const owner = await signUp(app, 'Host')
    const group = (
      await app.inject({
        method: 'POST',
        url: '/api/groups',
        headers: owner.bearer,
        payload: { name: 'Chess club', privacy: 'private', timezone: 'UTC' },
      })
    ).json()
    await app.inject({
      method: 'POST',
      url: `/api/groups/${group.id}/invitations`,
      headers: owner.bearer,
      payload: { email: 'newcomer@example.test' },
    })
    const mail = await mailTo('newcomer@example.test', /Host invited you to Chess club/)
    expect(mail.text).toContain('sign up with this address')
  })
})

describe('resetting a password by mail', () => {
  it('sets a new password through the mailed link, ends other sign-ins, and the old one stops working', async () => {
    const user = await signUp(app, 'Forgetful')
    const requested = await app.inject({
      method: 'POST',
      url: '/api/auth/request-password-reset',
      headers: { origin: TEST_ORIGIN },
      payload: { email: user.email, redirectTo: `${TEST_ORIGIN}/reset-password` },
    })
    expect(requested.statusCode).toBe(200)
    const mail = await mailTo(user.email, /Reset your LoopQuiz password/)
    const link = linkIn(mail, '/api/auth/reset-password/')
    const opened = await app.inject({ method: 'GET', url: link.pathname + link.search })
    expect(opened.statusCode).toBe(302)
    const landing = new URL(opened.headers.location as string)
    expect(`${landing.origin}${landing.pathname}`).toBe(`${TEST_ORIGIN}/reset-password`)
    const token = landing.searchParams.get('token')
    expect(token).toBeTruthy()

    const reset = await app.inject({
      method: 'POST',
      url: '/api/auth/reset-password',
      headers: { origin: TEST_ORIGIN },
      payload: { newPassword: 'a-brand-new-password', token },
    })
    expect(reset.statusCode).toBe(200)
    expect((await signIn(user.email, 'correct-horse-battery')).statusCode).toBe(401)
    expect((await signIn(user.email, 'a-brand-new-password')).statusCode).toBe(200)
    expect(await sessionOf(user.bearer)).toBeNull()

    const reused = await app.inject({
      method: 'POST',
      url: '/api/auth/reset-password',
      headers: { origin: TEST_ORIGIN },
      payload: { newPassword: 'yet-another-password', token },
    })
    expect(reused.statusCode).toBe(400)
  })

  it('answers a request for an unknown address as for a known one, and mails nothing', async () => {
    const requested = await app.inject({
      method: 'POST',
      url: '/api/auth/request-password-reset',
      headers: { origin: TEST_ORIGIN },
      payload: { email: 'nobody@example.test', redirectTo: `${TEST_ORIGIN}/reset-password` },
    })
    expect(requested.statusCode).toBe(200)
    await new Promise((resolve) => setTimeout(resolve, 2000))
    expect(sink.received.filter((mail) => addressOf(mail) === 'nobody@example.test')).toEqual([])
  })
})
