import clsx from 'clsx'
import { Plus, Trash2, X } from 'lucide-react'
import { useId } from 'react'
import { Button } from '../../../components/ui/button'
import { SelectField } from '../../../components/ui/select-field'
import { TextField } from '../../../components/ui/text-field'
import {
  type DraftQuestion,
  type DraftQuestionType,
  newOption,
  newQuestion,
} from '../utils/source-draft'

const MAX_QUESTIONS = 50
const MAX_OPTIONS = 10
const letters = 'ABCDEFGHIJ'

const typeLabels: Record<DraftQuestionType, string> = {
  single: 'Single choice',
  multiple: 'Multiple choice',
  true_false: 'True or false',
}

function isDraftType(value: string): value is DraftQuestionType {
  return value in typeLabels
}

interface QuestionCardProps {
  question: DraftQuestion
  number: number
  error?: string
  canRemove: boolean
  onChange: (question: DraftQuestion) => void
  onRemove: () => void
}

function QuestionCard({
  question,
  number,
  error,
  canRemove,
  onChange,
  onRemove,
}: QuestionCardProps) {
  const id = useId()
  const change = (next: Partial<DraftQuestion>) => onChange({ ...question, ...next })
  const isSingle = question.type === 'single'

  function toggleCorrect(optionId: string, isChecked: boolean) {
    if (isSingle) change({ correctIds: [optionId] })
    else
      change({
        correctIds: isChecked
          ? [...question.correctIds, optionId]
          : question.correctIds.filter((correctId) => correctId !== optionId),
      })
  }

  return (
    <fieldset
      className={clsx(
        'flex min-w-0 flex-col gap-3 rounded-xl bg-white p-3 ring-1 sm:p-4',
        error ? 'ring-rose-300' : 'ring-slate-200',
      )}
    >
      <legend className="sr-only">Question {number}</legend>
      <div className="flex items-end gap-2">
        <p aria-hidden className="pb-2.5 text-sm font-bold text-brand-700">
          Q{number}
        </p>
        <SelectField
          label="Type"
          className="min-w-0 flex-1"
          value={question.type}
          onChange={(event) => {
            const type = event.target.value
            if (isDraftType(type))
              change({
                type,
                correctIds:
                  type === 'single' ? question.correctIds.slice(0, 1) : question.correctIds,
              })
          }}
        >
          {Object.entries(typeLabels).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </SelectField>
        {canRemove ? (
          <Button
            variant="ghost"
            className="text-rose-700 hover:bg-rose-50 hover:text-rose-800"
            aria-label={`Remove question ${number}`}
            onClick={onRemove}
          >
            <Trash2 aria-hidden className="size-4" />
          </Button>
        ) : null}
      </div>
      <TextField
        label="Question"
        value={question.prompt}
        maxLength={1000}
        placeholder="What does the speaker say next?"
        onChange={(event) => change({ prompt: event.target.value })}
      />
      {question.type === 'true_false' ? (
        <fieldset className="flex flex-col gap-1.5">
          <legend className="mb-1.5 text-sm font-semibold text-slate-800">Correct answer</legend>
          <div className="grid grid-cols-2 gap-2">
            {[true, false].map((value) => (
              <label
                key={String(value)}
                className={clsx(
                  'flex h-11 cursor-pointer items-center gap-2 rounded-xl px-3 text-sm font-semibold ring-1 ring-inset has-focus-visible:outline-2 has-focus-visible:outline-brand-600',
                  question.isTrue === value
                    ? 'bg-emerald-50 text-emerald-900 ring-emerald-400'
                    : 'bg-white text-slate-700 ring-slate-300',
                )}
              >
                <input
                  type="radio"
                  name={`${id}-truth`}
                  className="size-4 accent-emerald-600"
                  checked={question.isTrue === value}
                  onChange={() => change({ isTrue: value })}
                />
                {value ? 'True' : 'False'}
              </label>
            ))}
          </div>
        </fieldset>
      ) : (
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-1.5 text-sm font-semibold text-slate-800">
            Options{' '}
            <span className="font-normal text-slate-500">
              ({isSingle ? 'mark the correct one' : 'mark every correct one'})
            </span>
          </legend>
          <ul className="flex flex-col gap-2">
            {question.options.map((option, index) => {
              const letter = letters[index] ?? String(index + 1)
              const isCorrect = question.correctIds.includes(option.id)
              return (
                <li key={option.id} className="flex items-center gap-2">
                  <label
                    className={clsx(
                      'grid size-11 shrink-0 cursor-pointer place-items-center rounded-xl ring-1 ring-inset has-focus-visible:outline-2 has-focus-visible:outline-brand-600',
                      isCorrect ? 'bg-emerald-50 ring-emerald-400' : 'bg-white ring-slate-300',
                    )}
                  >
                    <input
                      type={isSingle ? 'radio' : 'checkbox'}
                      name={`${id}-correct`}
                      className="size-4 accent-emerald-600"
                      checked={isCorrect}
                      onChange={(event) => toggleCorrect(option.id, event.target.checked)}
                    />
                    <span className="sr-only">Option {letter} is correct</span>
                  </label>
                  <input
                    aria-label={`Option ${letter}`}
                    value={option.text}
                    maxLength={500}
                    onChange={(event) =>
                      change({
                        options: question.options.map((o) =>
                          o.id === option.id ? { ...o, text: event.target.value } : o,
                        ),
                      })
                    }
                    className="h-11 w-full min-w-0 flex-1 rounded-xl border border-slate-300 bg-white px-3 text-base text-slate-900 shadow-xs hover:border-slate-400 focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-brand-600"
                  />
                  {question.options.length > 2 ? (
                    <button
                      type="button"
                      aria-label={`Remove option ${letter}`}
                      onClick={() =>
                        change({
                          options: question.options.filter((o) => o.id !== option.id),
                          correctIds: question.correctIds.filter((c) => c !== option.id),
                        })
                      }
                      className="grid size-9 shrink-0 place-items-center rounded-lg text-slate-500 hover:bg-slate-100 hover:text-slate-800 focus-visible:outline-2 focus-visible:outline-brand-600"
                    >
                      <X aria-hidden className="size-4" />
                    </button>
                  ) : null}
                </li>
              )
            })}
          </ul>
          {question.options.length < MAX_OPTIONS ? (
            <Button
              variant="ghost"
              size="sm"
              className="self-start"
              onClick={() => change({ options: [...question.options, newOption()] })}
            >
              <Plus aria-hidden className="size-4" />
              Add option
            </Button>
          ) : null}
        </fieldset>
      )}
      {error ? <p className="text-sm font-medium text-rose-600">{error}</p> : null}
    </fieldset>
  )
}

interface QuestionEditorProps {
  questions: DraftQuestion[]
  onChange: (questions: DraftQuestion[]) => void
  /** By question key, plus "questions" for the list as a whole. */
  errors: Record<string, string>
}

/** A compact editor for a session's questions: single choice, multiple choice, true or false. */
export function QuestionEditor({ questions, onChange, errors }: QuestionEditorProps) {
  return (
    <fieldset className="flex flex-col gap-3">
      <legend className="mb-1.5 text-sm font-semibold text-slate-800">Questions</legend>
      {questions.map((question, index) => (
        <QuestionCard
          key={question.key}
          question={question}
          number={index + 1}
          error={errors[`question.${question.key}`]}
          canRemove={questions.length > 1}
          onChange={(next) => onChange(questions.map((q) => (q.key === next.key ? next : q)))}
          onRemove={() => onChange(questions.filter((q) => q.key !== question.key))}
        />
      ))}
      {errors.questions ? (
        <p className="text-sm font-medium text-rose-600">{errors.questions}</p>
      ) : null}
      {questions.length < MAX_QUESTIONS ? (
        <div className="flex flex-wrap gap-2">
          <Button
            variant="secondary"
            size="sm"
            onClick={() => onChange([...questions, newQuestion('single')])}
          >
            <Plus aria-hidden className="size-4" />
            Add question
          </Button>
          <Button
            variant="ghost"
            size="sm"
            onClick={() => onChange([...questions, newQuestion('true_false')])}
          >
            <Plus aria-hidden className="size-4" />
            Add true or false
          </Button>
        </div>
      ) : null}
    </fieldset>
  )
}
