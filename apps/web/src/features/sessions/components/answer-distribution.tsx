import type { CorrectAnswer, PublicQuestion, QuestionDistribution } from '@loopquiz/contract'
import clsx from 'clsx'
import { BarChart3, Check } from 'lucide-react'
import type { ReactNode } from 'react'
import { Button } from '../../../components/ui/button'
import { EmptyState } from '../../../components/ui/empty-state'
import { ErrorAlert } from '../../../components/ui/error-alert'
import { Section } from '../../../components/ui/section'
import { ListSkeleton } from '../../../components/ui/skeleton'
import { hasErrorCode } from '../../../lib/errors'
import { useAnswerDistribution } from '../api/get-answer-distribution'
import { plural } from '../utils/labels'

interface Bar {
  key: string
  label: string
  count: number
  isCorrect: boolean
}

function isKeyed(correct: CorrectAnswer | undefined, key: string): boolean {
  if (correct === undefined) return false
  if (typeof correct === 'boolean') return String(correct) === key
  if (typeof correct === 'string') return correct === key
  return correct.includes(key)
}

/** One bar per option (or True and False), in the question's own order, zeros included. */
export function barsOf(question: PublicQuestion, distribution: QuestionDistribution | undefined) {
  const counts = distribution?.counts ?? {}
  const correct = distribution?.correctAnswer
  const choices: { key: string; label: string }[] =
    question.type === 'true_false'
      ? [
          { key: 'true', label: 'True' },
          { key: 'false', label: 'False' },
        ]
      : (question.options ?? []).map((option) => ({ key: option.id, label: option.text }))
  return choices.map(
    (choice): Bar => ({
      ...choice,
      count: counts[choice.key] ?? 0,
      isCorrect: isKeyed(correct, choice.key),
    }),
  )
}

function QuestionBars({
  index,
  question,
  distribution,
}: {
  index: number
  question: PublicQuestion
  distribution: QuestionDistribution | undefined
}) {
  const answered = distribution?.answeredCount ?? 0
  const correctCount = distribution?.correctCount ?? 0
  const bars = barsOf(question, distribution)
  // Multiple-choice answers count once per option picked: bars are shares of the answerers.
  const scale = Math.max(answered, ...bars.map((bar) => bar.count), 1)
  const headingId = `distribution-${question.id}`
  return (
    <li className="flex flex-col gap-3 py-4 first:pt-0 last:pb-0">
      <div className="flex flex-col gap-1 sm:flex-row sm:items-baseline sm:justify-between sm:gap-4">
        <h3 id={headingId} className="font-semibold text-slate-900">
          <span className="text-slate-500">Q{index + 1}.</span> {question.prompt}
        </h3>
        <p className="shrink-0 text-sm text-slate-600 tabular-nums">
          {plural(answered, 'answer')} · {correctCount} correct
        </p>
      </div>
      {bars.length > 0 ? (
        <ul aria-labelledby={headingId} className="flex flex-col gap-2">
          {bars.map((bar) => (
            <li key={bar.key} className="flex flex-col gap-1">
              <div className="flex items-baseline justify-between gap-3 text-sm">
                <span
                  className={clsx(
                    'flex min-w-0 items-center gap-1.5',
                    bar.isCorrect ? 'font-semibold text-emerald-800' : 'text-slate-700',
                  )}
                >
                  {bar.isCorrect ? <Check aria-hidden className="size-4 shrink-0" /> : null}
                  <span className="truncate">{bar.label}</span>
                  {bar.isCorrect ? <span className="sr-only">(correct answer)</span> : null}
                </span>
                <span className="shrink-0 font-semibold text-slate-900 tabular-nums">
                  {bar.count}
                </span>
              </div>
              <div aria-hidden className="h-3 overflow-hidden rounded-full bg-slate-100">
                <div
                  className={clsx(
                    'h-full rounded-full transition-[width] duration-500',
                    bar.isCorrect ? 'bg-emerald-500' : 'bg-brand-400',
                  )}
                  style={{ width: `${(bar.count / scale) * 100}%` }}
                />
              </div>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-500">Written answers: only right or wrong is counted.</p>
      )}
    </li>
  )
}

/** How each question's answers fall, live, for the session's hosts. */
export function AnswerDistribution({
  groupId,
  sessionId,
  questions,
  isPushed,
}: {
  groupId: string
  sessionId: string
  questions: readonly PublicQuestion[]
  isPushed: boolean
}) {
  const distribution = useAnswerDistribution(groupId, sessionId, isPushed)

  let content: ReactNode
  if (distribution.isPending) content = <ListSkeleton rows={3} label="Loading the answers…" />
  else if (distribution.isError) {
    content = hasErrorCode(distribution.error, 'NOT_FOUND') ? (
      <EmptyState icon={BarChart3} title="Answer counts are not available yet">
        They appear here once the server offers them.
      </EmptyState>
    ) : (
      <ErrorAlert
        error={distribution.error}
        action={
          <Button variant="secondary" size="sm" onClick={() => distribution.refetch()}>
            Try again
          </Button>
        }
      />
    )
  } else {
    const byId = new Map(distribution.data.questions.map((q) => [q.questionId, q]))
    content = (
      <ol aria-label="Answers per question" className="flex flex-col divide-y divide-slate-100">
        {questions.map((question, index) => (
          <QuestionBars
            key={question.id}
            index={index}
            question={question}
            distribution={byId.get(question.id)}
          />
        ))}
      </ol>
    )
  }

  return (
    <Section
      id="answer-distribution"
      title="Answers"
      icon={BarChart3}
      description="How the answers fall, question by question, as they come in"
    >
      {content}
    </Section>
  )
}
