import type { AnswerResult, AnswerValue, PublicQuestion } from '@loopquiz/contract'
import clsx from 'clsx'
import { Check, X } from 'lucide-react'
import { type FormEvent, useState } from 'react'
import { Button } from '../../../components/ui/button'
import { Spinner } from '../../../components/ui/spinner'
import { TextField } from '../../../components/ui/text-field'
import { answerIncludes } from '../utils/format-answer'

interface AnswerInputProps {
  question: PublicQuestion
  /** The graded answer once there is one; the input is then locked and marked. */
  result: AnswerResult | null
  isSubmitting: boolean
  /** The time to answer ran out: the controls are locked, nothing is marked. */
  isLocked: boolean
  onAnswer: (response: AnswerValue) => void
}

const letters = 'ABCDEFGHIJ'

type Mark = 'correct' | 'wrong' | 'dimmed' | 'pending' | 'idle'

function markOf(
  optionValue: string | boolean,
  result: AnswerResult | null,
  pendingValue: string | boolean | null,
): Mark {
  if (!result) return pendingValue === optionValue ? 'pending' : 'idle'
  const isChosen =
    typeof optionValue === 'boolean'
      ? result.response === optionValue
      : answerIncludes(result.response, optionValue)
  // Without the key, only the taker's own choice can be marked, by whether the answer was right.
  if (result.correctAnswer === null) {
    if (!isChosen) return 'dimmed'
    return result.correct ? 'correct' : 'wrong'
  }
  const isCorrect =
    typeof optionValue === 'boolean'
      ? result.correctAnswer === optionValue
      : answerIncludes(result.correctAnswer, optionValue)
  if (isCorrect) return 'correct'
  return isChosen ? 'wrong' : 'dimmed'
}

const markStyles: Record<Mark, string> = {
  idle: 'bg-white ring-slate-200 hover:ring-brand-400 hover:bg-brand-50/50',
  pending: 'bg-brand-50 ring-brand-500 ring-2',
  correct: 'bg-emerald-50 ring-emerald-500 ring-2 text-emerald-900',
  wrong: 'bg-rose-50 ring-rose-500 ring-2 text-rose-900',
  dimmed: 'bg-white ring-slate-200 opacity-60',
}

function MarkIcon({ mark }: { mark: Mark }) {
  if (mark === 'pending') return <Spinner className="size-5 text-brand-600" />
  if (mark === 'correct')
    return (
      <>
        <Check aria-hidden className="size-5 text-emerald-600" />
        <span className="sr-only">(correct answer)</span>
      </>
    )
  if (mark === 'wrong')
    return (
      <>
        <X aria-hidden className="size-5 text-rose-600" />
        <span className="sr-only">(your answer, incorrect)</span>
      </>
    )
  return null
}

const tileBase =
  'flex min-h-14 w-full items-center gap-3 rounded-xl px-4 py-3 text-left font-semibold text-slate-800 ring-1 ring-inset shadow-xs transition focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 disabled:cursor-default'

/** One click answers: the options are buttons. */
function SingleChoice({ question, result, isSubmitting, isLocked, onAnswer }: AnswerInputProps) {
  const [pending, setPending] = useState<string | null>(null)
  return (
    <ul className="grid gap-3 sm:grid-cols-2">
      {(question.options ?? []).map((option, index) => {
        const mark = markOf(option.id, result, isSubmitting ? pending : null)
        return (
          <li key={option.id}>
            <button
              type="button"
              className={clsx(tileBase, markStyles[mark])}
              disabled={result !== null || isSubmitting || isLocked}
              onClick={() => {
                setPending(option.id)
                onAnswer(option.id)
              }}
            >
              <span
                aria-hidden
                className="grid size-8 shrink-0 place-items-center rounded-lg bg-brand-100 text-sm font-bold text-brand-800"
              >
                {letters[index] ?? index + 1}
              </span>
              <span className="flex-1">{option.text}</span>
              <MarkIcon mark={mark} />
            </button>
          </li>
        )
      })}
    </ul>
  )
}

function TrueFalse({ result, isSubmitting, isLocked, onAnswer }: AnswerInputProps) {
  const [pending, setPending] = useState<boolean | null>(null)
  const choices = [
    { value: true, label: 'True', accent: 'bg-sky-100 text-sky-800' },
    { value: false, label: 'False', accent: 'bg-orange-100 text-orange-800' },
  ]
  return (
    <div className="grid grid-cols-2 gap-3">
      {choices.map((choice) => {
        const mark = markOf(choice.value, result, isSubmitting ? pending : null)
        return (
          <button
            key={choice.label}
            type="button"
            className={clsx(tileBase, 'min-h-20 justify-center text-lg', markStyles[mark])}
            disabled={result !== null || isSubmitting || isLocked}
            onClick={() => {
              setPending(choice.value)
              onAnswer(choice.value)
            }}
          >
            <span
              aria-hidden
              className={clsx('grid size-8 place-items-center rounded-lg', choice.accent)}
            >
              {choice.value ? <Check className="size-5" /> : <X className="size-5" />}
            </span>
            {choice.label}
            <MarkIcon mark={mark} />
          </button>
        )
      })}
    </div>
  )
}

function MultipleChoice({ question, result, isSubmitting, isLocked, onAnswer }: AnswerInputProps) {
  const [selected, setSelected] = useState<string[]>([])
  const [error, setError] = useState<string>()

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (selected.length === 0) {
      setError('Choose at least one option.')
      return
    }
    setError(undefined)
    onAnswer(selected)
  }

  return (
    <form noValidate onSubmit={handleSubmit} className="flex flex-col gap-4">
      <fieldset
        className="flex flex-col gap-3"
        disabled={result !== null || isSubmitting || isLocked}
      >
        <legend className="mb-3 text-sm font-semibold text-slate-600">Select all that apply</legend>
        <ul className="grid gap-3 sm:grid-cols-2">
          {(question.options ?? []).map((option) => {
            const mark = result ? markOf(option.id, result, null) : 'idle'
            const isChecked = result
              ? answerIncludes(result.response, option.id)
              : selected.includes(option.id)
            return (
              <li key={option.id}>
                <label
                  className={clsx(
                    tileBase,
                    'cursor-pointer has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-brand-600',
                    isChecked && mark === 'idle' ? markStyles.pending : markStyles[mark],
                  )}
                >
                  <input
                    type="checkbox"
                    className="size-5 shrink-0 accent-brand-600"
                    checked={isChecked}
                    onChange={(event) => {
                      const { checked } = event.target
                      setSelected((current) =>
                        checked
                          ? [...current, option.id]
                          : current.filter((id) => id !== option.id),
                      )
                    }}
                  />
                  <span className="flex-1">{option.text}</span>
                  <MarkIcon mark={mark === 'dimmed' ? 'idle' : mark} />
                </label>
              </li>
            )
          })}
        </ul>
      </fieldset>
      {error ? <p className="text-sm font-medium text-rose-700">{error}</p> : null}
      {result || isLocked ? null : (
        <div className="flex justify-end">
          <Button type="submit" size="lg" isLoading={isSubmitting}>
            Submit answer
          </Button>
        </div>
      )}
    </form>
  )
}

function ShortText({ result, isSubmitting, isLocked, onAnswer }: AnswerInputProps) {
  const [text, setText] = useState('')
  const [error, setError] = useState<string>()

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (!text.trim()) {
      setError('Type an answer first.')
      return
    }
    setError(undefined)
    onAnswer(text.trim())
  }

  return (
    <form noValidate onSubmit={handleSubmit} className="flex flex-col gap-4">
      <TextField
        label="Your answer"
        name="answer"
        autoComplete="off"
        maxLength={500}
        value={result && typeof result.response === 'string' ? result.response : text}
        onChange={(event) => setText(event.target.value)}
        disabled={result !== null || isSubmitting || isLocked}
        error={error}
      />
      {result || isLocked ? null : (
        <div className="flex justify-end">
          <Button type="submit" size="lg" isLoading={isSubmitting}>
            Submit answer
          </Button>
        </div>
      )}
    </form>
  )
}

/** The answer controls for a question, by its type. */
export function AnswerInput(props: AnswerInputProps) {
  switch (props.question.type) {
    case 'single':
      return <SingleChoice {...props} />
    case 'multiple':
      return <MultipleChoice {...props} />
    case 'true_false':
      return <TrueFalse {...props} />
    case 'short_text':
      return <ShortText {...props} />
  }
}
