import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import type { FastifyInstance, FastifyReply } from 'fastify'
import { type AddressObject, type ParsedMail, simpleParser } from 'mailparser'
import { escapeHtml } from './escape-html.ts'
import { MAIL_FILE_NAME } from './mail-transport.ts'

// The newest this many are listed: parsing every file of a long-running machine would be slow.
const LISTED_MAX = 200
const ATTACHMENT_INDEX = /^\d{1,3}$/

/**
 * These pages' own policy instead of the app's: their <style> and the mail's inline styles
 * need 'unsafe-inline' (a sandboxed srcdoc frame inherits the page's policy), and nothing may
 * run, neither here nor in the mail.
 */
const PAGE_POLICY = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  "img-src 'self' data: https: http:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')

/**
 * Development pages for the mail written to `mailDir` when no SMTP server is configured:
 * `/dev/mail` lists it, `/dev/mail/:file` shows one message. Never register in production: the
 * mail of every user would be readable by anyone.
 */
export function registerDevMailRoutes(app: FastifyInstance, mailDir: string) {
  app.get('/dev/mail', { schema: { hide: true } }, async (_request, reply) => {
    const files = (await mailFiles(mailDir)).slice(0, LISTED_MAX)
    const mails = await Promise.all(
      files.map(async (file) => ({ file, mail: await parseMailFile(mailDir, file) })),
    )
    const rows = mails
      .map(
        ({ file, mail }) =>
          `<tr><td><time datetime="${escapeHtml(mail.date?.toISOString() ?? '')}">${escapeHtml(shownDate(mail.date))}</time></td>` +
          `<td>${escapeHtml(addressText(mail.to))}</td>` +
          `<td><a href="/dev/mail/${file}">${escapeHtml(mail.subject || '(no subject)')}</a></td></tr>`,
      )
      .join('\n')
    const body =
      mails.length === 0
        ? `<p>No mail yet. Mail the server sends without <code>SMTP_URL</code> is written to <code>${escapeHtml(mailDir)}</code> and listed here.</p>`
        : `<table><caption>${mails.length} message${mails.length === 1 ? '' : 's'}, newest first</caption>
<thead><tr><th scope="col">Time (UTC)</th><th scope="col">To</th><th scope="col">Subject</th></tr></thead>
<tbody>
${rows}
</tbody></table>`
    return sendPage(reply, 'Mail', `<h1>Mail</h1>\n${body}`)
  })

  app.get<{ Params: { file: string } }>(
    '/dev/mail/:file',
    { schema: { hide: true } },
    async (request, reply) => {
      const { file } = request.params
      const mail = await findMail(mailDir, file)
      if (!mail) return reply.callNotFound()
      const headers = mail.headerLines
        .map((line) => {
          const [name = '', ...rest] = line.line.split(':')
          return `<tr><th scope="row">${escapeHtml(name)}</th><td>${escapeHtml(rest.join(':').trim())}</td></tr>`
        })
        .join('\n')
      const attachments = mail.attachments
        .map(
          (attachment, index) =>
            `<li><a href="/dev/mail/${file}/attachments/${index}">${escapeHtml(attachment.filename ?? `attachment ${index + 1}`)}</a> (${escapeHtml(attachment.contentType)}, ${attachment.size} bytes)</li>`,
        )
        .join('\n')
      const title = mail.subject || '(no subject)'
      const body = `<p><a href="/dev/mail">← All mail</a></p>
<h1>${escapeHtml(title)}</h1>
<h2>Headers</h2>
<table><caption>Headers as sent</caption><tbody>
${headers}
</tbody></table>
<h2>Text</h2>
<pre>${linkified(mail.text ?? '(no text part)')}</pre>
<h2>HTML</h2>
${
  mail.html
    ? // No allow-scripts, no allow-same-origin: the mail can neither run code nor read this page.
      `<iframe title="HTML body of the message" sandbox srcdoc="${escapeHtml(mail.html)}"></iframe>`
    : '<p>(no HTML part)</p>'
}
<h2>Attachments</h2>
${attachments ? `<ul>${attachments}</ul>` : '<p>None.</p>'}`
      return sendPage(reply, title, body)
    },
  )

  app.get<{ Params: { file: string; index: string } }>(
    '/dev/mail/:file/attachments/:index',
    { schema: { hide: true } },
    async (request, reply) => {
      const { file, index } = request.params
      const mail = ATTACHMENT_INDEX.test(index) ? await findMail(mailDir, file) : null
      const attachment = mail?.attachments[Number(index)]
      if (!attachment) return reply.callNotFound()
      const filename = (attachment.filename ?? `attachment-${index}`).replace(/[^\w.-]/g, '_')
      return (
        reply
          .type(attachment.contentType)
          // Always a download: an HTML attachment shown inline would run on this origin.
          .header('content-disposition', `attachment; filename="${filename}"`)
          .send(attachment.content)
      )
    },
  )
}

async function mailFiles(mailDir: string): Promise<string[]> {
  const names = await readdir(mailDir).catch((error: NodeJS.ErrnoException) => {
    // Nothing has been sent yet.
    if (error.code === 'ENOENT') return []
    throw error
  })
  // Names start with their time, so the name order is the time order.
  return names
    .filter((name) => MAIL_FILE_NAME.test(name))
    .sort()
    .reverse()
}

/** The message in `file`, or null when the name is not one the transport writes or is gone. */
async function findMail(mailDir: string, file: string): Promise<ParsedMail | null> {
  // Only names the transport writes: no path separators, no "..", nothing outside mailDir.
  if (!MAIL_FILE_NAME.test(file)) return null
  return parseMailFile(mailDir, file).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null
    throw error
  })
}

async function parseMailFile(mailDir: string, file: string): Promise<ParsedMail> {
  return simpleParser(await readFile(path.join(mailDir, file)))
}

function sendPage(reply: FastifyReply, title: string, body: string) {
  return reply
    .header('content-security-policy', PAGE_POLICY)
    .header('cache-control', 'no-store')
    .type('text/html; charset=utf-8')
    .send(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · LoopQuiz dev mail</title>
<style>
body { font-family: system-ui, sans-serif; margin: 0 auto; padding: 1rem; max-width: 60rem; color: #18181b; line-height: 1.5; }
a { color: #4338ca; }
table { border-collapse: collapse; width: 100%; margin-bottom: 1.5rem; }
caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
th, td { text-align: left; vertical-align: top; padding: 0.4rem 0.6rem; border-bottom: 1px solid #e4e4e7; overflow-wrap: anywhere; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; background: #f4f4f5; padding: 1rem; border-radius: 6px; }
iframe { width: 100%; height: 36rem; border: 1px solid #e4e4e7; border-radius: 6px; }
</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`)
}

/**
 * The text part with its web links clickable: a click inside the sandboxed HTML frame goes
 * nowhere, and following a mail's link is most of what this page is for.
 */
function linkified(text: string): string {
  return text
    .split(/(https?:\/\/[^\s<>"]+)/)
    .map((part, index) =>
      index % 2 === 1 ? `<a href="${escapeHtml(part)}">${escapeHtml(part)}</a>` : escapeHtml(part),
    )
    .join('')
}

function addressText(address: AddressObject | AddressObject[] | undefined): string {
  if (!address) return ''
  return (Array.isArray(address) ? address : [address]).map((entry) => entry.text).join(', ')
}

function shownDate(date: Date | undefined): string {
  return date ? date.toISOString().slice(0, 19).replace('T', ' ') : '(no date)'
}
