import type { QuestionSetSummary } from '@loopquiz/contract'
import { CircleOff, ExternalLink, Power } from 'lucide-react'
import { useState } from 'react'
import { Link } from 'react-router'
import { Badge } from '../../../components/ui/badge'
import { Button } from '../../../components/ui/button'
import { CopyButton } from '../../../components/ui/copy-button'
import { Dialog } from '../../../components/ui/dialog'
import { ErrorAlert } from '../../../components/ui/error-alert'
import { formatDateTime } from '../../../lib/format'
import { useSetQuestionSetStatus } from '../api/set-question-set-status'
import { showAnswersBadge } from '../utils/show-answers'

function expiryText(expiresAt: string | null, now = Date.now()) {
  if (expiresAt === null) return 'Never'
  const when = formatDateTime(expiresAt)
  return new Date(expiresAt).getTime() <= now ? `Expired ${when}` : when
}

/** The confirm step of turning a link off or on: says what happens to takers. */
function StatusDialog({
  summary,
  isOpen,
  onClose,
}: {
  summary: QuestionSetSummary
  isOpen: boolean
  onClose: () => void
}) {
  const setStatus = useSetQuestionSetStatus(summary.token)
  const isOn = summary.disabledAt === null
  return (
    <Dialog
      isOpen={isOpen}
      onClose={onClose}
      title={isOn ? 'Turn this link off?' : 'Turn this link on again?'}
      description={
        isOn
          ? 'Anyone who opens it is told it was turned off by you. Attempts in progress take no more answers. Nothing is deleted, and you can turn it on again.'
          : 'The link opens again for whoever you shared it with, and unfinished attempts take answers again.'
      }
    >
      {setStatus.error ? <ErrorAlert error={setStatus.error} /> : null}
      <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
        <Button variant="secondary" onClick={onClose}>
          Cancel
        </Button>
        <Button
          variant={isOn ? 'danger' : 'primary'}
          isLoading={setStatus.isPending}
          onClick={() => setStatus.mutate(!isOn, { onSuccess: onClose })}
        >
          {isOn ? 'Turn link off' : 'Turn link on'}
        </Button>
      </div>
    </Dialog>
  )
}

/** A share as its author manages it: the link, the options it was made with, its off switch. */
export function ShareSettings({ summary }: { summary: QuestionSetSummary }) {
  const [isConfirming, setIsConfirming] = useState(false)
  const isOn = summary.disabledAt === null
  const options: [string, string][] = [
    [
      'Who may open it',
      summary.visibility === 'public'
        ? 'Anyone with the link'
        : summary.visibility === 'signed_in'
          ? 'Signed-in users only'
          : 'Members of the group session',
    ],
    ['Expires', expiryText(summary.expiresAt)],
    ['Correct answers', showAnswersBadge[summary.showAnswers]],
    [
      'Attempts per person',
      summary.maxAttempts === null ? 'No limit' : String(summary.maxAttempts),
    ],
    ['Questions', String(summary.questionCount)],
    ['Shared', formatDateTime(summary.createdAt)],
  ]
  return (
    <div className="flex flex-col gap-5">
      <div className="flex flex-col gap-2">
        <div className="flex flex-wrap items-center gap-2">
          {isOn ? (
            <Badge tone="success">
              <Power aria-hidden className="size-3" />
              Link on
            </Badge>
          ) : (
            <Badge tone="danger">
              <CircleOff aria-hidden className="size-3" />
              Link off since {formatDateTime(summary.disabledAt ?? summary.createdAt)}
            </Badge>
          )}
        </div>
        <h1 className="text-3xl font-extrabold tracking-tight break-words text-slate-900">
          {summary.title}
        </h1>
        <p className="text-slate-600">{summary.videoTitle}</p>
      </div>
      <div className="flex flex-col gap-3 rounded-xl bg-slate-50 p-4 ring-1 ring-slate-200 ring-inset">
        <p className="text-sm break-all text-slate-700">{summary.shareUrl}</p>
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
          <CopyButton text={summary.shareUrl} label={`Copy link to ${summary.title}`} />
          <Link
            to={`/questions/${summary.token}`}
            className="inline-flex items-center gap-1 text-sm font-semibold text-brand-700 hover:underline"
          >
            Open quiz
            <ExternalLink aria-hidden className="size-3.5" />
          </Link>
          {summary.isSessionCopy ? (
            <p className="text-sm text-slate-600">
              A group session’s copy: it opens and closes with its session.
            </p>
          ) : (
            <Button
              variant={isOn ? 'secondary' : 'primary'}
              size="sm"
              aria-haspopup="dialog"
              onClick={() => setIsConfirming(true)}
            >
              <Power aria-hidden className="size-4" />
              {isOn ? 'Turn link off' : 'Turn link on'}
            </Button>
          )}
        </div>
      </div>
      <dl className="grid grid-cols-2 gap-x-6 gap-y-3 sm:grid-cols-3">
        {options.map(([term, value]) => (
          <div key={term} className="flex flex-col gap-0.5">
            <dt className="text-sm font-medium text-slate-500">{term}</dt>
            <dd className="font-semibold text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>
      <StatusDialog
        summary={summary}
        isOpen={isConfirming}
        onClose={() => setIsConfirming(false)}
      />
    </div>
  )
}
