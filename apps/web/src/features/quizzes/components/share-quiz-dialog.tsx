import type {
  CreateShareBody,
  CreateShareResponse,
  Loop,
  ShareVisibility,
  ShowAnswersPolicy,
} from '@loopquiz/contract'
import clsx from 'clsx'
import { BarChart3, ExternalLink, Link2 } from 'lucide-react'
import { type FormEvent, useState } from 'react'
import { Link } from 'react-router'
import { Button } from '../../../components/ui/button'
import { CopyButton } from '../../../components/ui/copy-button'
import { Dialog } from '../../../components/ui/dialog'
import { ErrorAlert } from '../../../components/ui/error-alert'
import { SelectField } from '../../../components/ui/select-field'
import { TextField } from '../../../components/ui/text-field'
import { formatDateTime } from '../../../lib/format'
import { showAnswersChoices } from '../utils/show-answers'

interface ShareQuizDialogProps {
  loop: Loop
  isOpen: boolean
  onClose: () => void
  onShare: (
    body: CreateShareBody,
    options: { onSuccess: (shared: CreateShareResponse) => void },
  ) => void
  isSharing: boolean
  error: unknown
  /** The link made (or offered again) by the last share from this dialog. */
  shared: CreateShareResponse | undefined
}

const MAX_HOURS = 24 * 365
const MAX_ATTEMPTS = 100

const expiryChoices = [
  { value: 'never', label: 'Never', hours: undefined },
  { value: 'day', label: 'In 1 day', hours: 24 },
  { value: 'week', label: 'In 1 week', hours: 24 * 7 },
  { value: 'month', label: 'In 30 days', hours: 24 * 30 },
  { value: 'custom', label: 'On a date I choose', hours: undefined },
] as const
type ExpiryChoice = (typeof expiryChoices)[number]['value']

const visibilityChoices: { value: ShareVisibility; label: string; description: string }[] = [
  {
    value: 'public',
    label: 'Anyone with the link',
    description: 'Guests take it under a name they type; no account needed.',
  },
  {
    value: 'signed_in',
    label: 'Signed-in users only',
    description: 'Takers sign in first, so you can limit how often each person takes it.',
  },
]

/** "YYYY-MM-DD" of a date in the viewer's time zone, as a date input wants it. */
function dateInputValue(date: Date): string {
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000)
  return local.toISOString().slice(0, 10)
}

/** Hours from now to the end of the chosen day (the viewer's time zone), rounded up. */
function hoursUntilEndOf(day: string, now = Date.now()): number {
  const end = new Date(`${day}T23:59:59`)
  return Math.ceil((end.getTime() - now) / 3_600_000)
}

function OptionCard({
  name,
  isChecked,
  onChange,
  label,
  description,
}: {
  name: string
  isChecked: boolean
  onChange: () => void
  label: string
  description: string
}) {
  return (
    <label
      className={clsx(
        'flex cursor-pointer items-start gap-3 rounded-xl p-3 ring-1 ring-inset transition-colors has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-brand-600',
        isChecked
          ? 'bg-brand-50 ring-2 ring-brand-500'
          : 'bg-white ring-slate-200 hover:ring-slate-300',
      )}
    >
      <input
        type="radio"
        name={name}
        checked={isChecked}
        onChange={onChange}
        className="mt-1 size-4 shrink-0 accent-brand-600"
      />
      <span className="flex flex-col gap-0.5">
        <span className="font-semibold text-slate-900">{label}</span>
        <span className="text-sm text-slate-600">{description}</span>
      </span>
    </label>
  )
}

function ShareQuizForm({
  loop,
  onClose,
  onShare,
  isSharing,
  error,
}: Omit<ShareQuizDialogProps, 'isOpen' | 'shared'>) {
  const [title, setTitle] = useState(loop.videoTitle.slice(0, 200))
  const [visibility, setVisibility] = useState<ShareVisibility>('public')
  const [expiry, setExpiry] = useState<ExpiryChoice>('never')
  const [customDate, setCustomDate] = useState(() =>
    dateInputValue(new Date(Date.now() + 14 * 86_400_000)),
  )
  const [showAnswers, setShowAnswers] = useState<ShowAnswersPolicy>('after_each_answer')
  const [maxAttempts, setMaxAttempts] = useState('')
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({})
  const today = dateInputValue(new Date())
  const lastDay = dateInputValue(new Date(Date.now() + (MAX_HOURS - 24) * 3_600_000))

  function expiresInHours(): number | 'invalid' | undefined {
    if (expiry !== 'custom') return expiryChoices.find((c) => c.value === expiry)?.hours
    if (!/^\d{4}-\d{2}-\d{2}$/.test(customDate)) return 'invalid'
    const hours = hoursUntilEndOf(customDate)
    return hours >= 1 && hours <= MAX_HOURS ? hours : 'invalid'
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const errors: Record<string, string> = {}
    const trimmedTitle = title.trim()
    if (!trimmedTitle) errors.title = 'Give the quiz a title.'
    const hours = expiresInHours()
    if (hours === 'invalid') errors.expiry = 'Choose a date from today to within a year.'
    const limit = maxAttempts.trim() === '' ? undefined : Number(maxAttempts)
    if (
      visibility === 'signed_in' &&
      limit !== undefined &&
      (!Number.isInteger(limit) || limit < 1 || limit > MAX_ATTEMPTS)
    ) {
      errors.maxAttempts = `Enter a whole number from 1 to ${MAX_ATTEMPTS}, or leave it empty.`
    }
    setFieldErrors(errors)
    if (Object.keys(errors).length > 0 || hours === 'invalid') return
    onShare(
      {
        loopId: loop.id,
        title: trimmedTitle,
        questions: loop.questions,
        visibility,
        showAnswers,
        ...(hours === undefined ? {} : { expiresInHours: hours }),
        ...(visibility === 'signed_in' && limit !== undefined ? { maxAttempts: limit } : {}),
      },
      { onSuccess: () => undefined },
    )
  }

  return (
    <form noValidate onSubmit={handleSubmit} className="flex flex-col gap-5">
      {error ? <ErrorAlert error={error} /> : null}
      <TextField
        label="Title"
        name="title"
        maxLength={200}
        value={title}
        onChange={(event) => setTitle(event.target.value)}
        error={fieldErrors.title}
        required
      />
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-2 text-sm font-semibold text-slate-800">Who may open it?</legend>
        {visibilityChoices.map((choice) => (
          <OptionCard
            key={choice.value}
            name="visibility"
            isChecked={visibility === choice.value}
            onChange={() => setVisibility(choice.value)}
            label={choice.label}
            description={choice.description}
          />
        ))}
      </fieldset>
      <TextField
        label="Attempts per person"
        name="maxAttempts"
        type="number"
        inputMode="numeric"
        min={1}
        max={MAX_ATTEMPTS}
        placeholder="No limit"
        value={visibility === 'signed_in' ? maxAttempts : ''}
        onChange={(event) => setMaxAttempts(event.target.value)}
        disabled={visibility !== 'signed_in'}
        error={fieldErrors.maxAttempts}
        hint={
          visibility === 'signed_in'
            ? `Leave empty for no limit, or 1 to ${MAX_ATTEMPTS}. It counts per account.`
            : 'A limit counts per account, so it needs “Signed-in users only”.'
        }
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          label="Link expires"
          name="expiry"
          value={expiry}
          onChange={(event) => setExpiry(event.target.value as ExpiryChoice)}
        >
          {expiryChoices.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </SelectField>
        {expiry === 'custom' ? (
          <TextField
            label="Last day open"
            name="expiryDate"
            type="date"
            min={today}
            max={lastDay}
            value={customDate}
            onChange={(event) => setCustomDate(event.target.value)}
            error={fieldErrors.expiry}
            hint="Open until the end of this day."
          />
        ) : null}
      </div>
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-2 text-sm font-semibold text-slate-800">
          When do takers see the correct answers?
        </legend>
        {showAnswersChoices.map((choice) => (
          <OptionCard
            key={choice.value}
            name="showAnswers"
            isChecked={showAnswers === choice.value}
            onChange={() => setShowAnswers(choice.value)}
            label={choice.label}
            description={choice.description}
          />
        ))}
      </fieldset>
      <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
        <Button variant="secondary" onClick={onClose}>
          Cancel
        </Button>
        <Button type="submit" isLoading={isSharing}>
          Create quiz link
        </Button>
      </div>
    </form>
  )
}

/** The link just made, or the unchanged one offered again with the choice of a new one. */
function SharedLink({
  shared,
  title,
  onClose,
  onMakeNew,
  isSharing,
  error,
}: {
  shared: CreateShareResponse
  title: string
  onClose: () => void
  onMakeNew: () => void
  isSharing: boolean
  error: unknown
}) {
  return (
    <div className="flex flex-col gap-4">
      {error ? <ErrorAlert error={error} /> : null}
      <div className="flex flex-col gap-2 rounded-xl bg-brand-50 p-4 ring-1 ring-brand-200 ring-inset">
        <p className="flex items-center gap-2 font-semibold text-slate-900" role="status">
          <Link2 aria-hidden className="size-4 shrink-0 text-brand-700" />
          {shared.reused
            ? 'You already shared this loop unchanged: here is its link'
            : 'Your quiz link is ready'}
        </p>
        <p className="break-all text-sm text-slate-700">{shared.shareUrl}</p>
        {shared.expiresAt ? (
          <p className="text-sm text-slate-600">Open until {formatDateTime(shared.expiresAt)}</p>
        ) : null}
      </div>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <CopyButton text={shared.shareUrl} label={`Copy link to ${title} quiz`} />
        <Link
          to={`/questions/${shared.token}`}
          className="inline-flex items-center gap-1 text-sm font-semibold text-brand-700 hover:underline"
        >
          Open quiz
          <ExternalLink aria-hidden className="size-3.5" />
        </Link>
        <Link
          to={`/shares/${shared.token}`}
          className="inline-flex items-center gap-1 text-sm font-semibold text-brand-700 hover:underline"
        >
          <BarChart3 aria-hidden className="size-3.5" />
          See who took it
        </Link>
      </div>
      <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
        {shared.reused ? (
          <Button variant="secondary" onClick={onMakeNew} isLoading={isSharing}>
            Make a new link anyway
          </Button>
        ) : null}
        <Button onClick={onClose}>Done</Button>
      </div>
    </div>
  )
}

/** Shares a loop's questions as a quiz link with the author's options: who, until when, answers, attempts. */
export function ShareQuizDialog({
  isOpen,
  onClose,
  loop,
  shared,
  onShare,
  ...form
}: ShareQuizDialogProps) {
  const [lastBody, setLastBody] = useState<CreateShareBody>()
  const share: ShareQuizDialogProps['onShare'] = (body, options) => {
    setLastBody(body)
    onShare(body, options)
  }
  return (
    <Dialog
      isOpen={isOpen}
      onClose={onClose}
      title="Share as quiz"
      description={`Make a link to the quiz on “${loop.videoTitle}” and choose who may take it.`}
      size="wide"
    >
      {shared && lastBody ? (
        <SharedLink
          shared={shared}
          title={lastBody.title ?? loop.videoTitle}
          onClose={onClose}
          onMakeNew={() => share({ ...lastBody, forceNew: true }, { onSuccess: () => undefined })}
          isSharing={form.isSharing}
          error={form.error}
        />
      ) : (
        <ShareQuizForm loop={loop} onClose={onClose} onShare={share} {...form} />
      )}
    </Dialog>
  )
}
