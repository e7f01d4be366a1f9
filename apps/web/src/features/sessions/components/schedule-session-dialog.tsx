import {
  defaultSessionOptions,
  type Group,
  type GroupSession,
  type SessionMode,
  type SessionOptions,
} from '@loopquiz/contract'
import clsx from 'clsx'
import { CalendarPlus } from 'lucide-react'
import { type FormEvent, useState } from 'react'
import { Button } from '../../../components/ui/button'
import { Dialog } from '../../../components/ui/dialog'
import { ErrorAlert } from '../../../components/ui/error-alert'
import { TextField } from '../../../components/ui/text-field'
import { TextareaField } from '../../../components/ui/textarea-field'
import { hasErrorCode } from '../../../lib/errors'
import {
  instantToWallTime,
  type WallTime,
  wallTimeToInstant,
  weekdayOf,
} from '../../../lib/zoned-time'
import { useCreateInstantSession } from '../api/create-instant-session'
import { useNextStart } from '../api/get-next-start'
import { useScheduleSession } from '../api/schedule-session'
import { MAX_OCCURRENCES, weeklyRule } from '../utils/recurrence'
import { parseDuration } from '../utils/session-form-values'
import {
  emptySourceDraft,
  type SourceDraft,
  type SourceErrors,
  toSessionSource,
} from '../utils/source-draft'
import { GroupRulesNote } from './group-rules-note'
import { RecurrenceFields, type RecurrenceValue } from './recurrence-fields'
import { SessionSourcePicker } from './session-source-picker'
import { ZonedDateTimeFields } from './zoned-date-time-fields'

const HOUR_MS = 3_600_000

/** Until the server's proposal arrives (or when none fits): the next whole hour after the notice. */
function suggestedStart(group: Group): WallTime {
  const at = new Date(Date.now() + (group.settings.advance_notice_hours + 1) * HOUR_MS)
  const wall = instantToWallTime(at, group.timezone)
  return { date: wall.date, time: `${wall.time.slice(0, 2)}:00` }
}

/** Field errors by name; the source's own are among them. */
type FormErrors = SourceErrors

/** What was typed in one form, to carry over into the other (instant refused → schedule). */
export interface SessionDraft {
  source: SourceDraft
  pickedTitle: string
  title: string
  duration: string
  description: string
}

const modeChoices: { value: SessionMode; label: string; hint: string }[] = [
  { value: 'self_paced', label: 'Self-paced', hint: 'Everyone answers at their own speed.' },
  {
    value: 'live',
    label: 'Live',
    hint: 'You move everyone through the questions together, with a leaderboard and a podium.',
  },
]

const radioCard =
  'flex cursor-pointer items-start gap-2.5 rounded-xl p-3 ring-inset has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-brand-600'

/** How the session runs: self-paced or live, and its scoring and shuffling options. */
function ModeField({
  mode,
  options,
  onModeChange,
  onOptionsChange,
}: {
  mode: SessionMode
  options: SessionOptions
  onModeChange: (mode: SessionMode) => void
  onOptionsChange: (options: SessionOptions) => void
}) {
  return (
    <div className="flex flex-col gap-4">
      <fieldset className="flex flex-col gap-1.5">
        <legend className="mb-1.5 text-sm font-semibold text-slate-800">Mode</legend>
        <div className="grid grid-cols-1 gap-2 min-[420px]:grid-cols-2">
          {modeChoices.map((choice) => (
            <label
              key={choice.value}
              className={clsx(
                radioCard,
                mode === choice.value
                  ? 'bg-brand-50 ring-2 ring-brand-500'
                  : 'bg-white ring-1 ring-slate-200',
              )}
            >
              <input
                type="radio"
                name="mode"
                value={choice.value}
                checked={mode === choice.value}
                onChange={() => onModeChange(choice.value)}
                className="mt-1 size-4 accent-brand-600"
              />
              <span className="flex flex-col">
                <span className="text-sm font-semibold text-slate-900">{choice.label}</span>
                <span className="text-xs text-slate-600">{choice.hint}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      {mode === 'live' ? (
        <fieldset className="flex flex-col gap-1.5">
          <legend className="mb-1.5 text-sm font-semibold text-slate-800">Scoring</legend>
          <div className="grid grid-cols-1 gap-2 min-[420px]:grid-cols-2">
            {(
              [
                [
                  'speed',
                  'Faster answers earn more',
                  'A correct answer is worth more the sooner it comes.',
                ],
                [
                  'correct_only',
                  'Correct answers only',
                  'Each correct answer earns its points, however fast.',
                ],
              ] as const
            ).map(([value, label, hint]) => (
              <label
                key={value}
                className={clsx(
                  radioCard,
                  options.scoring === value
                    ? 'bg-brand-50 ring-2 ring-brand-500'
                    : 'bg-white ring-1 ring-slate-200',
                )}
              >
                <input
                  type="radio"
                  name="scoring"
                  value={value}
                  checked={options.scoring === value}
                  onChange={() => onOptionsChange({ ...options, scoring: value })}
                  className="mt-1 size-4 accent-brand-600"
                />
                <span className="flex flex-col">
                  <span className="text-sm font-semibold text-slate-900">{label}</span>
                  <span className="text-xs text-slate-600">{hint}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
      ) : null}
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1.5 text-sm font-semibold text-slate-800">Order</legend>
        <label className="flex cursor-pointer items-start gap-2.5 text-sm text-slate-800">
          <input
            type="checkbox"
            checked={options.shuffleOptions}
            onChange={(event) =>
              onOptionsChange({ ...options, shuffleOptions: event.target.checked })
            }
            className="mt-0.5 size-4 accent-brand-600"
          />
          Shuffle answer order per participant
        </label>
        {mode === 'self_paced' ? (
          <label className="flex cursor-pointer items-start gap-2.5 text-sm text-slate-800">
            <input
              type="checkbox"
              checked={options.shuffleQuestions}
              onChange={(event) =>
                onOptionsChange({ ...options, shuffleQuestions: event.target.checked })
              }
              className="mt-0.5 size-4 accent-brand-600"
            />
            Shuffle question order per participant
          </label>
        ) : null}
      </fieldset>
    </div>
  )
}

interface SessionFormProps {
  group: Group
  kind: 'schedule' | 'instant'
  onCancel: () => void
  onCreated: (session: GroupSession) => void
  draft?: SessionDraft
  onScheduleInstead?: (draft: SessionDraft) => void
}

function SessionForm({
  group,
  kind,
  onCancel,
  onCreated,
  draft,
  onScheduleInstead,
}: SessionFormProps) {
  const schedule = useScheduleSession(group.id)
  const instant = useCreateInstantSession(group.id)
  const mutation = kind === 'schedule' ? schedule : instant
  const [source, setSource] = useState<SourceDraft>(draft?.source ?? emptySourceDraft)
  const [pickedTitle, setPickedTitle] = useState(draft?.pickedTitle ?? '')
  const [title, setTitle] = useState(draft?.title ?? '')
  const [fallbackWhen] = useState<WallTime>(() => suggestedStart(group))
  // Null until the person picks a time: till then the form follows the group's earliest start.
  const [pickedWhen, setPickedWhen] = useState<WallTime | null>(null)
  const [duration, setDuration] = useState(draft?.duration ?? (kind === 'schedule' ? '60' : '30'))
  const nextStart = useNextStart(group.id, kind === 'schedule' ? parseDuration(duration) : null)
  const proposedStart = nextStart.data?.startsAt ?? null
  const when =
    pickedWhen ?? (proposedStart ? instantToWallTime(proposedStart, group.timezone) : fallbackWhen)
  const [recurrence, setRecurrence] = useState<RecurrenceValue>({
    isWeekly: false,
    days: [],
    count: '8',
  })
  const [description, setDescription] = useState(draft?.description ?? '')
  const [mode, setMode] = useState<SessionMode>('self_paced')
  const [options, setOptions] = useState<SessionOptions>(defaultSessionOptions)
  const [errors, setErrors] = useState<FormErrors>({})

  const suggestedTitle = source.kind === 'manual' ? source.manual.videoTitle.trim() : pickedTitle

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const picked = toSessionSource(source)
    const next: FormErrors = { ...(picked.errors ?? {}) }
    const minutes = parseDuration(duration)
    if (minutes === null) next.duration = 'Enter a whole number of minutes from 1 to 1440.'
    const startsAt = wallTimeToInstant(when, group.timezone)
    const count = Number(recurrence.count)
    if (kind === 'schedule') {
      if (startsAt === null) next.when = 'Pick a date and a time.'
      else if (startsAt.getTime() <= Date.now()) next.when = 'Pick a time in the future.'
      if (recurrence.isWeekly) {
        if (recurrence.days.length === 0) next.days = 'Tick at least one day.'
        if (!Number.isInteger(count) || count < 2 || count > MAX_OCCURRENCES)
          next.count = `Enter a number from 2 to ${MAX_OCCURRENCES}.`
      }
    }
    setErrors(next)
    if (!picked.source || minutes === null || Object.keys(next).length > 0) return

    const common = {
      ...(title.trim() ? { title: title.trim() } : {}),
      description: description.trim(),
      mode,
      // A live session shows one question to everyone: there is no question order to shuffle.
      options: mode === 'live' ? { ...options, shuffleQuestions: false } : options,
      durationMinutes: minutes,
      source: picked.source,
    }
    if (kind === 'instant') {
      instant.mutate(common, { onSuccess: onCreated })
      return
    }
    if (!startsAt) return
    schedule.mutate(
      {
        ...common,
        scheduledAt: startsAt.toISOString(),
        ...(recurrence.isWeekly ? { recurrenceRule: weeklyRule(recurrence.days, count) } : {}),
      },
      { onSuccess: onCreated },
    )
  }

  const hasErrors = Object.keys(errors).length > 0

  return (
    <form noValidate onSubmit={handleSubmit} className="flex flex-col gap-6">
      <SessionSourcePicker
        value={source}
        onChange={setSource}
        errors={errors}
        onLoopPicked={setPickedTitle}
      />
      <hr className="border-slate-100" />
      <TextField
        label="Session title"
        hint="Leave empty to use the video’s title."
        maxLength={200}
        placeholder={suggestedTitle || 'e.g. Week 3 review'}
        value={title}
        onChange={(event) => setTitle(event.target.value)}
      />
      {kind === 'schedule' ? (
        <>
          <GroupRulesNote group={group} />
          <ZonedDateTimeFields
            value={when}
            onChange={setPickedWhen}
            timeZone={group.timezone}
            error={errors.when}
            suggestion={nextStart.data}
            onUseSuggestion={() => setPickedWhen(null)}
          />
        </>
      ) : null}
      <TextField
        label="Duration (minutes)"
        type="number"
        inputMode="numeric"
        min={1}
        max={1440}
        className="sm:max-w-48"
        hint={kind === 'instant' ? 'How long the session stays open.' : undefined}
        value={duration}
        onChange={(event) => setDuration(event.target.value)}
        error={errors.duration}
      />
      {kind === 'schedule' ? (
        <RecurrenceFields
          value={recurrence}
          onChange={setRecurrence}
          firstWeekday={weekdayOf(when.date)}
          errors={{ days: errors.days, count: errors.count }}
        />
      ) : null}
      <TextareaField
        label="Description or notes"
        hint="What to watch or prepare; shown to everyone in the group."
        maxLength={2000}
        value={description}
        onChange={(event) => setDescription(event.target.value)}
      />
      <ModeField
        mode={mode}
        options={options}
        onModeChange={setMode}
        onOptionsChange={setOptions}
      />
      {mutation.error ? (
        <ErrorAlert
          error={mutation.error}
          action={
            onScheduleInstead && hasErrorCode(mutation.error, 'APPROVAL_REQUIRED') ? (
              <Button
                variant="secondary"
                size="sm"
                onClick={() =>
                  onScheduleInstead({ source, pickedTitle, title, duration, description })
                }
              >
                <CalendarPlus aria-hidden className="size-4" />
                Schedule it for approval
              </Button>
            ) : undefined
          }
        />
      ) : null}
      <div
        className={clsx(
          'flex flex-col-reverse gap-3 sm:flex-row sm:items-center',
          hasErrors ? 'sm:justify-between' : 'sm:justify-end',
        )}
      >
        {hasErrors ? (
          <p role="alert" className="text-sm font-medium text-rose-700">
            Check the fields marked above.
          </p>
        ) : null}
        <div className="flex flex-col-reverse gap-3 sm:flex-row">
          <Button variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" isLoading={mutation.isPending}>
            {kind === 'schedule' ? 'Schedule session' : 'Start session now'}
          </Button>
        </div>
      </div>
    </form>
  )
}

interface ScheduleSessionDialogProps {
  group: Group
  /** Plan one for later, or start one right away. */
  kind: 'schedule' | 'instant'
  isOpen: boolean
  onClose: () => void
  onCreated?: (session: GroupSession) => void
  /** Fills the form, e.g. with what an instant session that needs approval was started from. */
  draft?: SessionDraft
  /** Offered when an instant session is refused because the group approves sessions first. */
  onScheduleInstead?: (draft: SessionDraft) => void
}

/** "Schedule session" and "Start instant session": pick the questions, then when and how long. */
export function ScheduleSessionDialog({
  group,
  kind,
  isOpen,
  onClose,
  onCreated,
  draft,
  onScheduleInstead,
}: ScheduleSessionDialogProps) {
  return (
    <Dialog
      isOpen={isOpen}
      onClose={onClose}
      size="wide"
      title={kind === 'schedule' ? 'Schedule a session' : 'Start an instant session'}
      description={
        kind === 'schedule'
          ? `Plan a quiz for ${group.name}. Members see it in the group’s sessions, and it starts by itself at the time you pick.`
          : `Open a quiz for ${group.name} right now; members can join at once.`
      }
    >
      <SessionForm
        group={group}
        kind={kind}
        onCancel={onClose}
        draft={draft}
        onScheduleInstead={onScheduleInstead}
        onCreated={(session) => {
          onCreated?.(session)
          onClose()
        }}
      />
    </Dialog>
  )
}
