// The server's mail, as its development pages show it: without SMTP_URL every message is written
// to its data folder, /dev/mail lists them newest first and /dev/mail/<file> shows one.

/** One message as /dev/mail lists it. */
export interface ListedMail {
  to: string
  subject: string
  /** Its page, e.g. /dev/mail/<file>; file names start with the time, so they sort by it. */
  path: string
}

export const mailSubjects = {
  confirmEmail: 'Confirm your e-mail address for LoopQuiz',
  resetPassword: 'Reset your LoopQuiz password',
} as const

const entities: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
}

function decodeHtml(text: string): string {
  return text.replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => entities[entity] ?? entity)
}

async function fetchPage(url: string): Promise<string> {
  const response = await fetch(url)
  if (!response.ok) throw new Error(`GET ${url}: ${response.status}`)
  return response.text()
}

async function listMail(baseUrl: string): Promise<ListedMail[]> {
  const html = await fetchPage(`${baseUrl}/dev/mail`)
  const row = /<tr><td>.*?<\/td><td>(.*?)<\/td><td><a href="([^"]+)">(.*?)<\/a><\/td><\/tr>/g
  return [...html.matchAll(row)].map(([, to = '', path = '', subject = '']) => ({
    to: decodeHtml(to),
    path: decodeHtml(path),
    subject: decodeHtml(subject),
  }))
}

interface MailQuery {
  to: string
  subject: string
  /** Only a message written after this one (e.g. the link sent again after the first). */
  newerThan?: ListedMail
}

/**
 * The newest message to `to` with this subject, waiting for it: account mail goes through the
 * job queue, so it is written a moment after the request that sends it.
 */
export async function waitForMail(baseUrl: string, query: MailQuery): Promise<ListedMail> {
  const deadline = Date.now() + 15_000
  for (;;) {
    const mail = (await listMail(baseUrl)).find(
      (listed) =>
        listed.to.toLowerCase().includes(query.to.toLowerCase()) &&
        listed.subject === query.subject &&
        (!query.newerThan || listed.path > query.newerThan.path),
    )
    if (mail) return mail
    if (Date.now() > deadline) {
      throw new Error(`no mail "${query.subject}" to ${query.to} on /dev/mail`)
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

/** The web links of a message's text part, in order. */
export async function mailLinks(baseUrl: string, mail: ListedMail): Promise<string[]> {
  const html = await fetchPage(`${baseUrl}${mail.path}`)
  const text = /<pre>([\s\S]*?)<\/pre>/.exec(html)?.[1] ?? ''
  return [...text.matchAll(/<a href="([^"]+)">/g)].map(([, href = '']) => decodeHtml(href))
}

/**
 * Confirms `email` as its owner would, by the link of the newest confirmation mail to it (the
 * link confirms when fetched, then redirects into the app).
 */
export async function verifyEmailByMail(baseUrl: string, email: string): Promise<void> {
  const mail = await waitForMail(baseUrl, { to: email, subject: mailSubjects.confirmEmail })
  const link = (await mailLinks(baseUrl, mail)).find((href) =>
    href.includes('/api/auth/verify-email'),
  )
  if (!link) throw new Error(`the confirmation mail to ${email} has no confirmation link`)
  const response = await fetch(link, { redirect: 'manual' })
  const location = response.headers.get('location') ?? ''
  if (response.status !== 302 || location.includes('error=')) {
    throw new Error(`confirming ${email} failed: ${response.status} ${location}`)
  }
}
