import clsx from 'clsx'
import { CircleCheck, MailWarning, X } from 'lucide-react'
import type { ReactNode } from 'react'
import { useSessionFlag } from '../hooks/use-session-flag'
import { useVerificationOutcome } from '../hooks/use-verification-outcome'
import { ResendVerificationButton } from './resend-verification-button'

interface NoticeProps {
  tone: 'success' | 'warning'
  title: string
  children: ReactNode
  onDismiss: () => void
}

const tones = {
  success: { box: 'border-emerald-200 bg-emerald-50 text-emerald-950', icon: 'text-emerald-600' },
  warning: { box: 'border-amber-200 bg-amber-50 text-amber-950', icon: 'text-amber-600' },
}

function Notice({ tone, title, children, onDismiss }: NoticeProps) {
  const Icon = tone === 'success' ? CircleCheck : MailWarning
  return (
    <section
      aria-label={title}
      className={clsx('flex gap-3 rounded-xl border p-3 text-sm sm:p-4', tones[tone].box)}
    >
      <Icon aria-hidden className={clsx('mt-0.5 size-5 shrink-0', tones[tone].icon)} />
      <div className="min-w-0 flex-1">
        <p className="font-semibold">{title}</p>
        {children}
      </div>
      <button
        type="button"
        onClick={onDismiss}
        aria-label="Dismiss"
        className="-m-1 grid size-8 shrink-0 place-items-center rounded-lg text-slate-600 hover:bg-black/5 focus-visible:outline-2 focus-visible:outline-brand-600"
      >
        <X aria-hidden className="size-4" />
      </button>
    </section>
  )
}

interface EmailVerificationNoticeProps {
  user: { id: string; email: string; emailVerified: boolean }
  /** Where a new confirmation link leads (verificationCallbackPath of this page). */
  callbackURL: string
  /**
   * Whether an unconfirmed address is pointed out here (the dashboard). Pages that ask for it
   * themselves when it matters (an invitation) only say what a confirmation link did.
   */
  remindsUnconfirmed: boolean
}

/**
 * Under a page's top: "confirmed" after following the mailed link, a word when the link did
 * not work, and (where asked) a reminder to confirm with "Send the link again". The reminder
 * can be dismissed for this tab; it is back in the next one.
 */
export function EmailVerificationNotice({
  user,
  callbackURL,
  remindsUnconfirmed,
}: EmailVerificationNoticeProps) {
  const [outcome, clearOutcome] = useVerificationOutcome()
  const [isReminderDismissed, dismissReminder] = useSessionFlag(
    `loopquiz:email-reminder-dismissed:${user.id}`,
  )

  if (user.emailVerified) {
    if (outcome !== 'confirmed') return null
    return (
      <Notice tone="success" title="Your e-mail address is confirmed" onDismiss={clearOutcome}>
        <p>You can accept invitations to groups with {user.email}.</p>
      </Notice>
    )
  }
  const resend = <ResendVerificationButton email={user.email} callbackURL={callbackURL} />
  if (outcome === 'failed') {
    return (
      <Notice tone="warning" title="This confirmation link didn’t work" onDismiss={clearOutcome}>
        <p>It has expired or isn’t complete. Get a new one sent to {user.email}.</p>
        <div className="mt-2">{resend}</div>
      </Notice>
    )
  }
  if (!remindsUnconfirmed || isReminderDismissed) return null
  return (
    <Notice tone="warning" title="Confirm your e-mail" onDismiss={dismissReminder}>
      <p className="break-words">
        We sent a link to <span className="font-semibold">{user.email}</span>. Confirm it to accept
        invitations.
      </p>
      <div className="mt-2">{resend}</div>
    </Notice>
  )
}
