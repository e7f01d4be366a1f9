import type {
  AnswerResult,
  Attempt,
  PublicQuestion,
  PublicQuestionSet,
  SubmitAnswerBody,
} from '@loopquiz/contract'
import { useQueryClient } from '@tanstack/react-query'
import { PartyPopper, SearchX } from 'lucide-react'
import { type ReactNode, useState } from 'react'
import { Button } from '../../../components/ui/button'
import { Card } from '../../../components/ui/card'
import { ErrorAlert } from '../../../components/ui/error-alert'
import { Skeleton } from '../../../components/ui/skeleton'
import { LoadingPanel } from '../../../components/ui/spinner'
import { hasErrorCode } from '../../../lib/errors'
import { useFinishAttempt } from '../api/finish-attempt'
import { getAttemptQueryOptions, useAttempt } from '../api/get-attempt'
import { useAttemptResult } from '../api/get-attempt-result'
import { useSubmitAnswer } from '../api/submit-answer'
import { useStoredAttemptId } from '../hooks/use-stored-attempt-id'
import { AttemptResults } from './attempt-results'
import { QuestionStep } from './question-step'
import { StartPanel } from './start-panel'

interface QuizPlayerProps {
  questionSet: PublicQuestionSet
  isSignedIn: boolean
  signInHref: string
}

/** Start → questions one by one with feedback → results; resumes the attempt remembered here. */
export function QuizPlayer({ questionSet, isSignedIn, signInHref }: QuizPlayerProps) {
  const [attemptId, setAttemptId] = useStoredAttemptId(questionSet.token)
  const attempt = useAttempt(attemptId)

  if (attemptId && attempt.isPending) return <LoadingPanel label="Resuming your quiz…" />
  if (attemptId && attempt.isError) {
    return (
      <ErrorAlert
        error={attempt.error}
        action={
          <div className="flex flex-wrap gap-2">
            <Button variant="secondary" size="sm" onClick={() => attempt.refetch()}>
              Try again
            </Button>
            <Button variant="ghost" size="sm" onClick={() => setAttemptId(null)}>
              Start over
            </Button>
          </div>
        }
      />
    )
  }

  const current = attempt.data
  if (!attemptId || !current) {
    return (
      <StartPanel
        questionSet={questionSet}
        isSignedIn={isSignedIn}
        signInHref={signInHref}
        onStarted={(started) => setAttemptId(started.id)}
      />
    )
  }
  if (current.status === 'finished') {
    return (
      <FinishedAttempt
        attemptId={current.id}
        isSignedIn={isSignedIn}
        onTryAgain={() => setAttemptId(null)}
      />
    )
  }
  return <QuestionFlow key={current.id} attempt={current} questions={questionSet.questions} />
}

interface AttemptPlayerProps {
  /** An attempt already started, e.g. by joining a group session. */
  attemptId: string
  questions: PublicQuestion[]
  isSignedIn: boolean
  /** Shown under the score once the attempt is finished, e.g. the group's results. */
  resultExtra?: ReactNode
}

/**
 * The questions of an attempt started elsewhere, then its result: the same flow as a shared
 * link's, without the start panel (the caller started it) and without "Try again".
 */
export function AttemptPlayer({
  attemptId,
  questions,
  isSignedIn,
  resultExtra,
}: AttemptPlayerProps) {
  const attempt = useAttempt(attemptId)

  if (attempt.isPending) return <LoadingPanel label="Loading your quiz…" />
  if (attempt.isError) {
    return (
      <ErrorAlert
        error={attempt.error}
        action={
          <Button variant="secondary" size="sm" onClick={() => attempt.refetch()}>
            Try again
          </Button>
        }
      />
    )
  }
  if (!attempt.data) {
    return (
      <Card className="flex flex-col items-center gap-3 p-8 text-center">
        <SearchX aria-hidden className="size-8 text-slate-400" />
        <p className="font-semibold text-slate-900">We couldn’t find your attempt</p>
        <p className="text-sm text-slate-600">Reload the page to join again.</p>
      </Card>
    )
  }
  if (attempt.data.status === 'finished') {
    return (
      <FinishedAttempt attemptId={attemptId} isSignedIn={isSignedIn} resultExtra={resultExtra} />
    )
  }
  return <QuestionFlow key={attemptId} attempt={attempt.data} questions={questions} />
}

function FinishedAttempt({
  attemptId,
  isSignedIn,
  onTryAgain,
  resultExtra,
}: {
  attemptId: string
  isSignedIn: boolean
  onTryAgain?: () => void
  resultExtra?: ReactNode
}) {
  const result = useAttemptResult(attemptId)
  if (result.isPending) {
    return (
      <Card className="flex flex-col items-center gap-4 p-8" aria-busy="true">
        <span className="sr-only">Loading your results…</span>
        <Skeleton className="h-6 w-40" />
        <Skeleton className="h-16 w-48" />
        <Skeleton className="h-4 w-32" />
      </Card>
    )
  }
  if (result.isError) {
    return (
      <ErrorAlert
        error={result.error}
        action={
          <div className="flex flex-wrap gap-2">
            <Button variant="secondary" size="sm" onClick={() => result.refetch()}>
              Try again
            </Button>
            {onTryAgain ? (
              <Button variant="ghost" size="sm" onClick={onTryAgain}>
                Take the quiz again
              </Button>
            ) : null}
          </div>
        }
      />
    )
  }
  return (
    <AttemptResults
      result={result.data}
      isSignedIn={isSignedIn}
      onTryAgain={onTryAgain}
      extra={resultExtra}
    />
  )
}

function QuestionFlow({ attempt, questions }: { attempt: Attempt; questions: PublicQuestion[] }) {
  const queryClient = useQueryClient()
  const submit = useSubmitAnswer(attempt.id)
  const finish = useFinishAttempt(attempt.id)
  // The answer just graded, shown until the taker moves on; everything else derives from the attempt.
  const [feedback, setFeedback] = useState<AnswerResult | null>(null)
  // Timed questions whose time ran out and that the taker moved on from: they stay unanswered.
  const [timedOutIds, setTimedOutIds] = useState<ReadonlySet<string>>(new Set())

  const answeredIds = new Set(attempt.answers.map((answer) => answer.questionId))
  const remaining = questions.filter(
    (question) => !answeredIds.has(question.id) && !timedOutIds.has(question.id),
  )
  const shown = feedback
    ? questions.find((question) => question.id === feedback.questionId)
    : remaining[0]
  const isLast = remaining.every((question) => question.id === shown?.id)

  /** The server knows better than this tab (another tab answered, or the attempt finished). */
  async function resync(questionId: string) {
    const fresh = await queryClient.fetchQuery({
      ...getAttemptQueryOptions(attempt.id),
      staleTime: 0,
    })
    const existing = fresh?.answers.find((answer) => answer.questionId === questionId)
    if (existing && fresh?.status !== 'finished') {
      submit.reset()
      setFeedback(existing)
    }
  }

  function handleSubmit(body: SubmitAnswerBody) {
    submit.mutate(body, {
      onSuccess: (result) => setFeedback(result),
      onError: (error) => {
        if (hasErrorCode(error, 'ANSWER_ALREADY_RECORDED', 'ATTEMPT_FINISHED')) {
          void resync(body.questionId)
        }
      },
    })
  }

  function handleNext() {
    if (isLast) {
      finish.mutate()
      return
    }
    // No feedback means the shown question's time ran out unanswered.
    if (!feedback && shown) setTimedOutIds((ids) => new Set(ids).add(shown.id))
    submit.reset()
    setFeedback(null)
  }

  if (!shown) {
    return (
      <Card className="flex flex-col items-center gap-4 p-8 text-center">
        <span className="grid size-14 place-items-center rounded-2xl bg-brand-100 text-brand-700">
          <PartyPopper aria-hidden className="size-7" />
        </span>
        <h2 className="text-2xl font-bold tracking-tight">
          {timedOutIds.size > 0 ? 'No questions left' : 'All questions answered'}
        </h2>
        <p className="text-slate-600">Your answers are saved. See how you did.</p>
        {finish.error ? <ErrorAlert error={finish.error} /> : null}
        <Button size="lg" onClick={() => finish.mutate()} isLoading={finish.isPending}>
          See results
        </Button>
      </Card>
    )
  }

  return (
    <QuestionStep
      key={shown.id}
      attemptId={attempt.id}
      question={shown}
      opening={attempt.openings.find((opening) => opening.questionId === shown.id)}
      number={questions.indexOf(shown) + 1}
      total={questions.length}
      answeredCount={attempt.answers.length}
      score={attempt.score}
      result={feedback}
      isSubmitting={submit.isPending}
      submitError={submit.error}
      onSubmit={handleSubmit}
      nextLabel={isLast ? 'See results' : 'Next question'}
      onNext={handleNext}
      isAdvancing={finish.isPending}
      advanceError={finish.error}
    />
  )
}
