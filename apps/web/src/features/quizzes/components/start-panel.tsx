import { type Attempt, attemptLimitDetailsSchema, type PublicQuestionSet } from '@loopquiz/contract'
import { CalendarClock, Eye, ListChecks, RotateCcw, Sparkles, Trophy } from 'lucide-react'
import { type FormEvent, useState } from 'react'
import { Link } from 'react-router'
import { Button } from '../../../components/ui/button'
import { Card } from '../../../components/ui/card'
import { ErrorAlert } from '../../../components/ui/error-alert'
import { TextField } from '../../../components/ui/text-field'
import { hasErrorCode } from '../../../lib/errors'
import { formatDateTime } from '../../../lib/format'
import { useStartAttempt } from '../api/start-attempt'
import { lastDisplayName } from '../hooks/use-stored-attempt-id'
import { showAnswersNotice } from '../utils/show-answers'

const MAX_DISPLAY_NAME = 60

interface StartPanelProps {
  questionSet: PublicQuestionSet
  isSignedIn: boolean
  signInHref: string
  onStarted: (attempt: Attempt) => void
}

function plural(count: number, word: string) {
  return `${count} ${word}${count === 1 ? '' : 's'}`
}

/** Before the first question: what the quiz holds, and (for guests) the name to play under. */
export function StartPanel({ questionSet, isSignedIn, signInHref, onStarted }: StartPanelProps) {
  const start = useStartAttempt(questionSet.token)
  const [displayName, setDisplayName] = useState(lastDisplayName.get)
  const [nameError, setNameError] = useState<string>()
  const questionCount = questionSet.questions.length
  const { viewerAttempts } = questionSet
  // The refusal of a start is fresher than the set, which may be cached from before an attempt.
  const limitDetails = hasErrorCode(start.error, 'ATTEMPT_LIMIT_REACHED')
    ? attemptLimitDetailsSchema.safeParse(start.error.details).data
    : undefined
  const maxAttempts = limitDetails?.maxAttempts ?? questionSet.maxAttempts
  const isOutOfAttempts =
    limitDetails !== undefined ||
    (maxAttempts !== null && viewerAttempts !== null && viewerAttempts.used >= maxAttempts)
  const latestAttemptId = limitDetails?.latestAttemptId ?? viewerAttempts?.latestAttemptId ?? null

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (!isSignedIn) {
      const name = displayName.trim()
      if (!name) {
        setNameError('Enter the name to show with your score.')
        return
      }
      setNameError(undefined)
      lastDisplayName.set(name)
      start.mutate({ displayName: name }, { onSuccess: onStarted })
      return
    }
    start.mutate({}, { onSuccess: onStarted })
  }

  return (
    <Card className="overflow-hidden">
      <div className="bg-linear-to-br from-brand-600 via-brand-700 to-fuchsia-700 px-5 py-6 text-white sm:px-8">
        <p className="flex items-center gap-2 text-sm font-semibold text-brand-100">
          <Sparkles aria-hidden className="size-4" />
          {isOutOfAttempts ? 'Thanks for taking part' : 'Ready when you are'}
        </p>
        <h2 className="mt-1 text-2xl font-extrabold tracking-tight">
          {isOutOfAttempts ? 'No attempts left' : 'Start the quiz'}
        </h2>
        <ul className="mt-4 flex flex-wrap gap-2 text-sm font-semibold">
          <li className="inline-flex items-center gap-1.5 rounded-full bg-white/15 px-3 py-1">
            <ListChecks aria-hidden className="size-4" />
            {plural(questionCount, 'question')}
          </li>
          <li className="inline-flex items-center gap-1.5 rounded-full bg-white/15 px-3 py-1">
            <Trophy aria-hidden className="size-4" />
            {plural(questionSet.totalPoints, 'point')}
          </li>
          {maxAttempts !== null ? (
            <li className="inline-flex items-center gap-1.5 rounded-full bg-white/15 px-3 py-1">
              <RotateCcw aria-hidden className="size-4" />
              {maxAttempts === 1 ? 'One attempt each' : `${maxAttempts} attempts each`}
            </li>
          ) : null}
          {questionSet.expiresAt ? (
            <li className="inline-flex items-center gap-1.5 rounded-full bg-white/15 px-3 py-1">
              <CalendarClock aria-hidden className="size-4" />
              Open until {formatDateTime(questionSet.expiresAt)}
            </li>
          ) : null}
        </ul>
      </div>
      {questionCount === 0 ? (
        <p className="p-5 text-slate-600 sm:p-8">
          This quiz has no questions yet. Ask the person who shared it to add some.
        </p>
      ) : isOutOfAttempts && maxAttempts !== null ? (
        <div className="flex flex-col items-start gap-3 p-5 sm:p-8" role="status">
          <p className="font-semibold text-slate-900">
            {maxAttempts === 1
              ? 'You have used your attempt at this quiz.'
              : `You have used your ${maxAttempts} attempts at this quiz.`}
          </p>
          <p className="text-slate-600">
            The author allows {maxAttempts === 1 ? 'one attempt' : `${maxAttempts} attempts`} per
            person.
          </p>
          {latestAttemptId ? (
            <Link
              to={`/questions/${questionSet.token}?attempt=${encodeURIComponent(latestAttemptId)}`}
              reloadDocument
              className="font-semibold text-brand-700 hover:underline"
            >
              See your latest attempt
            </Link>
          ) : null}
        </div>
      ) : (
        <form noValidate onSubmit={handleSubmit} className="flex flex-col gap-4 p-5 sm:p-8">
          {start.error ? <ErrorAlert error={start.error} /> : null}
          <p className="flex items-start gap-2 text-sm text-slate-600">
            <Eye aria-hidden className="mt-0.5 size-4 shrink-0 text-slate-400" />
            {showAnswersNotice[questionSet.showAnswers]}
          </p>
          {isSignedIn ? (
            <p className="text-slate-600">
              You’re signed in, so your result will be saved to your dashboard.
            </p>
          ) : (
            <TextField
              label="Display name"
              name="displayName"
              autoComplete="nickname"
              hint="Shown to the quiz owner next to your score."
              maxLength={MAX_DISPLAY_NAME}
              value={displayName}
              onChange={(event) => setDisplayName(event.target.value)}
              error={nameError}
              required
            />
          )}
          <div className="flex flex-col-reverse gap-3 sm:flex-row sm:items-center sm:justify-between">
            {isSignedIn ? (
              <span />
            ) : (
              <p className="text-sm text-slate-600">
                Have an account?{' '}
                <Link to={signInHref} className="font-semibold text-brand-700 hover:underline">
                  Sign in to keep your results
                </Link>
              </p>
            )}
            <Button type="submit" size="lg" isLoading={start.isPending}>
              Start quiz
            </Button>
          </div>
        </form>
      )}
    </Card>
  )
}
