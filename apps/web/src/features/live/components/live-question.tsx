import type { AnswerResult, AnswerValue, LiveState, PublicQuestion } from '@loopquiz/contract'
import { CircleCheck, CircleX, Lock, Send } from 'lucide-react'
import { type FormEvent, useRef, useState } from 'react'
import { Button } from '../../../components/ui/button'
import { ErrorAlert } from '../../../components/ui/error-alert'
import { Spinner } from '../../../components/ui/spinner'
import { TextField } from '../../../components/ui/text-field'
import { hasErrorCode } from '../../../lib/errors'
import { randomId } from '../../../lib/random-id'
import { useSubmitLiveAnswer } from '../api/submit-live-answer'
import { choicesFor } from '../utils/answer-tiles'
import { AnswerTiles } from './answer-tiles'
import { LiveCountdown } from './live-countdown'

interface LiveQuestionProps {
  state: LiveState
  /** The phase as the clock shows it: a question past its deadline is locked already. */
  phase: LiveState['phase']
  msLeft: number | null
  limitMs: number | null
  question: PublicQuestion
  attemptId: string
  sessionId: string
  userId: string
  shuffleOptions: boolean
  /** My answer to this question if one is stored (after a reload or a reconnect). */
  savedAnswer: AnswerResult | null
  onAnswered: (result: AnswerResult) => void
}

const points = new Intl.NumberFormat('en-GB')

function pickedOf(response: AnswerValue | undefined): (string | boolean)[] {
  if (response === undefined) return []
  return Array.isArray(response) ? response : [response]
}

/** One live question for a participant: answer it, see it locked in, then the reveal. */
export function LiveQuestion({
  state,
  phase,
  msLeft,
  limitMs,
  question,
  attemptId,
  sessionId,
  userId,
  shuffleOptions,
  savedAnswer,
  onAnswered,
}: LiveQuestionProps) {
  const submit = useSubmitLiveAnswer(attemptId)
  // One id per question, kept for every retry, so the server stores the answer once.
  const clientAnswerId = useRef(randomId())
  const [selection, setSelection] = useState<string[]>([])
  const [text, setText] = useState('')
  const [textError, setTextError] = useState<string>()
  const result = submit.data ?? savedAnswer
  const sentResponse = result?.response ?? submit.variables?.response
  const isOpen = phase === 'question'
  const isRevealed = phase === 'revealed' && state.reveal?.questionId === question.id
  const hasSent = sentResponse !== undefined && !submit.isError
  const canAnswer = isOpen && !hasSent

  function send(response: AnswerValue) {
    submit.mutate(
      { questionId: question.id, response, clientAnswerId: clientAnswerId.current },
      { onSuccess: onAnswered },
    )
  }

  function handleTextSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (!text.trim()) {
      setTextError('Type an answer first.')
      return
    }
    setTextError(undefined)
    send(text.trim())
  }

  const choices =
    question.type === 'short_text'
      ? []
      : choicesFor(question, { sessionId, userId, shuffle: shuffleOptions })
  const picked = hasSent ? pickedOf(sentResponse) : selection

  return (
    <div className="flex flex-col gap-5">
      <div className="flex flex-col-reverse items-center gap-4 sm:flex-row sm:items-start sm:justify-between">
        <h2 className="text-center text-2xl font-extrabold tracking-tight text-balance text-slate-900 sm:text-left sm:text-3xl">
          {question.prompt}
        </h2>
        {msLeft !== null && (phase === 'question' || phase === 'paused') ? (
          <LiveCountdown msLeft={msLeft} limitMs={limitMs} isPaused={phase === 'paused'} />
        ) : null}
      </div>

      {question.type === 'short_text' ? (
        <form noValidate onSubmit={handleTextSubmit} className="flex flex-col gap-3">
          <TextField
            label="Your answer"
            name="answer"
            autoComplete="off"
            maxLength={500}
            value={hasSent && typeof sentResponse === 'string' ? sentResponse : text}
            onChange={(event) => setText(event.target.value)}
            disabled={!canAnswer || submit.isPending}
            error={textError}
          />
          {canAnswer ? (
            <div className="flex justify-end">
              <Button type="submit" size="lg" isLoading={submit.isPending}>
                <Send aria-hidden className="size-4" />
                Submit answer
              </Button>
            </div>
          ) : null}
        </form>
      ) : (
        <div className="flex flex-col gap-3">
          {question.type === 'multiple' && canAnswer ? (
            <p className="text-sm font-semibold text-slate-700">
              Select all that apply, then submit.
            </p>
          ) : null}
          <AnswerTiles
            choices={choices}
            isMultiple={question.type === 'multiple'}
            picked={picked}
            isDisabled={!canAnswer || submit.isPending}
            isSettled={hasSent || !isOpen}
            reveal={isRevealed ? state.reveal : null}
            onPick={(value) => {
              if (question.type !== 'multiple') {
                send(value)
                return
              }
              const id = String(value)
              setSelection((current) =>
                current.includes(id) ? current.filter((each) => each !== id) : [...current, id],
              )
            }}
          />
          {question.type === 'multiple' && canAnswer ? (
            <div className="flex justify-end">
              <Button
                size="lg"
                disabled={selection.length === 0}
                isLoading={submit.isPending}
                onClick={() => send(selection)}
              >
                <Send aria-hidden className="size-4" />
                Submit answer
              </Button>
            </div>
          ) : null}
        </div>
      )}

      <AnswerStatus
        phase={phase}
        isRevealed={isRevealed}
        isSending={submit.isPending}
        hasSent={hasSent}
        result={result}
        error={submit.error}
        scoring={state.scoring}
      />
      {isRevealed && state.reveal?.explanation ? (
        <div className="rounded-xl bg-sky-50 p-4 text-sky-950 ring-1 ring-sky-200">
          <p className="text-sm font-bold">Why</p>
          <p className="mt-1">{state.reveal.explanation}</p>
        </div>
      ) : null}
    </div>
  )
}

function AnswerStatus({
  phase,
  isRevealed,
  isSending,
  hasSent,
  result,
  error,
  scoring,
}: {
  phase: LiveState['phase']
  isRevealed: boolean
  isSending: boolean
  hasSent: boolean
  result: AnswerResult | null
  error: unknown
  scoring: LiveState['scoring']
}) {
  if (error) {
    if (hasErrorCode(error, 'QUESTION_LOCKED')) {
      return (
        <p className="flex items-center gap-2 rounded-xl bg-amber-50 p-4 font-semibold text-amber-900 ring-1 ring-amber-200">
          <Lock aria-hidden className="size-5 shrink-0" />
          Sorry, your answer arrived after the question closed, so it didn’t count.
        </p>
      )
    }
    return <ErrorAlert error={error} />
  }
  if (isRevealed) {
    if (!result) {
      return (
        <p className="rounded-xl bg-slate-100 p-4 font-semibold text-slate-700">
          You didn’t answer this one.
        </p>
      )
    }
    return result.correct ? (
      <div className="flex items-center gap-3 rounded-xl bg-emerald-50 p-4 text-emerald-900 ring-1 ring-emerald-200">
        <CircleCheck aria-hidden className="size-7 shrink-0 text-emerald-600" />
        <p className="flex flex-col">
          <span className="text-lg font-bold">
            Correct! +{points.format(result.points)} {result.points === 1 ? 'point' : 'points'}
          </span>
          {scoring === 'speed' ? (
            <span className="text-sm text-emerald-800">Faster answers earn more.</span>
          ) : null}
        </p>
      </div>
    ) : (
      <p className="flex items-center gap-3 rounded-xl bg-rose-50 p-4 text-lg font-bold text-rose-900 ring-1 ring-rose-200">
        <CircleX aria-hidden className="size-7 shrink-0 text-rose-600" />
        Not this time: no points.
      </p>
    )
  }
  if (isSending) {
    return (
      <p className="flex items-center gap-2 font-semibold text-slate-700">
        <Spinner className="text-brand-600" />
        Sending your answer…
      </p>
    )
  }
  if (hasSent) {
    return (
      <p className="flex items-center gap-2 rounded-xl bg-brand-50 p-4 text-lg font-bold text-brand-900 ring-1 ring-brand-200">
        <Lock aria-hidden className="size-5 shrink-0" />
        Answer locked in.{' '}
        {phase === 'question' || phase === 'paused'
          ? 'Waiting for the others…'
          : 'Waiting for the host to reveal the answer…'}
      </p>
    )
  }
  if (phase === 'locked' || phase === 'revealed') {
    return (
      <p className="flex items-center gap-2 rounded-xl bg-slate-100 p-4 font-semibold text-slate-700">
        <Lock aria-hidden className="size-5 shrink-0" />
        Time’s up: answers are closed.
      </p>
    )
  }
  if (phase === 'paused') {
    return (
      <p className="font-semibold text-slate-700">
        The host paused the question. Answer once it resumes.
      </p>
    )
  }
  return null
}
