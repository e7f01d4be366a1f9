import { escapeHtml } from './escape-html.ts'

/** What every LoopQuiz mail says, in plain words: the layout makes its text and HTML parts. */
export interface MailParts {
  subject: string
  recipientName: string
  /** The message, a paragraph each. */
  paragraphs: string[]
  /** Facts set apart in a box (group, session, time). */
  facts?: string[]
  /** A line that matters more than the rest (a deadline). */
  emphasis?: string | null
  /** The one thing to do, as a button. */
  action: { label: string; url: string }
  /** Why the mail came, with a link to stop it where there is one. */
  footer: { text: string; link?: { label: string; url: string } }
}

/** The plain text and HTML of a mail: the same words; inline styles, one column for phones. */
export function layoutMail(parts: MailParts): { text: string; html: string } {
  const { subject, recipientName, paragraphs, facts = [], emphasis, action, footer } = parts
  const text = [
    `Hello ${recipientName},`,
    '',
    ...paragraphs.flatMap((paragraph) => [paragraph, '']),
    ...(facts.length > 0 ? [...facts, ''] : []),
    ...(emphasis ? [emphasis, ''] : []),
    `${action.label}: ${action.url}`,
    '',
    '-- ',
    footer.text,
    ...(footer.link ? [`${footer.link.label}: ${footer.link.url}`] : []),
    '',
  ].join('\n')

  const paragraph = (inner: string, style = '') =>
    `<p style="margin:0 0 16px;${style}">${inner}</p>`
  const url = escapeHtml(action.url)
  const footerLink = footer.link
    ? ` <a href="${escapeHtml(footer.link.url)}" style="color:#52525b;">${escapeHtml(footer.link.label)}</a>`
    : ''
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(subject)}</title>
</head>
<body style="margin:0;padding:0;background:#f4f4f5;">
<div style="max-width:560px;margin:0 auto;padding:24px 12px;font-family:system-ui,-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;font-size:16px;line-height:1.5;color:#18181b;">
<div style="background:#ffffff;border-radius:8px;padding:24px 20px;">
${paragraph(`Hello ${escapeHtml(recipientName)},`)}
${paragraphs.map((line) => paragraph(escapeHtml(line))).join('\n')}
${facts.length > 0 ? paragraph(facts.map(escapeHtml).join('<br>'), 'padding:12px 16px;background:#f4f4f5;border-radius:6px;') : ''}
${emphasis ? paragraph(escapeHtml(emphasis), 'font-weight:600;') : ''}
<p style="margin:24px 0;"><a href="${url}" style="display:inline-block;background:#4338ca;color:#ffffff;text-decoration:none;font-weight:600;padding:12px 20px;border-radius:6px;">${escapeHtml(action.label)}</a></p>
${paragraph(`Or open this link: <a href="${url}" style="color:#4338ca;word-break:break-all;">${url}</a>`, 'font-size:14px;color:#52525b;')}
</div>
<p style="margin:16px 8px;font-size:13px;color:#52525b;">${escapeHtml(footer.text)}${footerLink}</p>
</div>
</body>
</html>
`
  return { text, html }
}
