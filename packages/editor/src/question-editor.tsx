import type { QuestionType } from '@loopquiz/contract'
import {
  ArrowDown,
  ArrowUp,
  Check,
  Clock,
  GripVertical,
  Lightbulb,
  PencilLine,
  Plus,
  Trash2,
  X,
} from 'lucide-react'
import { type DragEvent, useId, useLayoutEffect, useMemo, useRef, useState } from 'react'
import {
  DEFAULT_MAX_QUESTIONS,
  draftsFromQuestions,
  dropIndex,
  MAX_ACCEPTED_ANSWERS,
  MAX_OPTIONS,
  moveDraft,
  newOptionDraft,
  newQuestionDraft,
  type QuestionDraft,
  type QuestionErrors,
  type ValidationErrors,
  withType,
} from './draft.ts'
import { suggestBlankQuestions } from './suggestions.ts'
import { formatClock, parseClock } from './time.ts'
import {
  Button,
  cx,
  ErrorText,
  inputClassName,
  SelectField,
  TextareaField,
  TextField,
} from './ui.tsx'

const letters = 'ABCDEFGHIJ'
const SUGGESTION_COUNT = 5

const typeLabels: Record<QuestionType, string> = {
  single: 'Single choice',
  multiple: 'Multiple choice',
  true_false: 'True or false',
  short_text: 'Short text',
}

const addLabels: Record<QuestionType, string> = {
  single: 'Add single choice',
  multiple: 'Add multiple choice',
  true_false: 'Add true or false',
  short_text: 'Add short text',
}

function isQuestionType(value: string): value is QuestionType {
  return value in typeLabels
}

/** Which control to focus after the next render, by data-focus="<key>:<control>". */
type FocusTarget = { key: string; control: 'up' | 'down' | 'prompt' | 'add' }

/**
 * The text of a number field, kept while it is typed (so "1:1" can become "1:15"), and
 * shown afresh when the value changes from outside (the "Use current time" button).
 */
function useTypedValue<T extends number | null | undefined>(
  value: T,
  format: (value: T) => string,
  parse: (text: string) => T,
  onChange: (value: T) => void,
): [string, (text: string) => void] {
  const [text, setText] = useState(() => format(value))
  const [seen, setSeen] = useState(value)
  if (!Object.is(seen, value)) {
    setSeen(value)
    setText(format(value))
  }
  return [
    text,
    (next) => {
      const parsed = parse(next)
      setText(next)
      setSeen(parsed)
      onChange(parsed)
    },
  ]
}

function parseCount(text: string): number | null {
  const trimmed = text.trim()
  if (!/^-?\d+(\.\d+)?$/.test(trimmed)) return null
  return Number(trimmed)
}

function PointsField({
  value,
  error,
  onChange,
}: {
  value: number | null
  error?: string
  onChange: (value: number | null) => void
}) {
  const [text, setText] = useTypedValue(
    value,
    (points) => (points === null ? '' : String(points)),
    parseCount,
    onChange,
  )
  return (
    <TextField
      label="Points"
      inputMode="numeric"
      autoComplete="off"
      value={text}
      error={error}
      onChange={(event) => setText(event.target.value)}
    />
  )
}

function TimeLimitField({
  value,
  error,
  onChange,
}: {
  value: number | null | undefined
  error?: string
  onChange: (value: number | null | undefined) => void
}) {
  const [text, setText] = useTypedValue(
    value,
    (seconds) => (seconds === null || seconds === undefined ? '' : String(seconds)),
    (next) => (next.trim() === '' ? undefined : parseCount(next)),
    onChange,
  )
  return (
    <TextField
      label="Time limit"
      hint="In seconds; empty for none."
      inputMode="numeric"
      autoComplete="off"
      placeholder="None"
      value={text}
      error={error}
      onChange={(event) => setText(event.target.value)}
    />
  )
}

function MomentField({
  number,
  value,
  error,
  onChange,
  getCurrentTime,
}: {
  number: number
  value: number | null | undefined
  error?: string
  onChange: (value: number | null | undefined) => void
  getCurrentTime?: () => number | null
}) {
  const id = useId()
  const [text, setText] = useTypedValue(
    value,
    (seconds) => (seconds === null || seconds === undefined ? '' : formatClock(seconds)),
    (next) => (next.trim() === '' ? undefined : parseClock(next)),
    onChange,
  )
  const [isUnavailable, setIsUnavailable] = useState(false)
  const hintId = `${id}-hint`
  const errorId = `${id}-error`
  return (
    <div className="flex min-w-0 flex-col gap-1.5">
      <label htmlFor={id} className="text-sm font-semibold text-slate-800">
        Moment in the video
      </label>
      <div className="flex gap-2">
        <input
          id={id}
          inputMode="decimal"
          autoComplete="off"
          placeholder="m:ss.s"
          value={text}
          aria-invalid={error ? true : undefined}
          aria-describedby={cx(hintId, error && errorId)}
          onChange={(event) => setText(event.target.value)}
          className={inputClassName(Boolean(error), 'flex-1')}
        />
        {getCurrentTime ? (
          <Button
            className="h-11"
            aria-label={`Use current time for question ${number}`}
            title="Use current time"
            onClick={() => {
              const seconds = getCurrentTime()
              setIsUnavailable(seconds === null)
              if (seconds !== null) onChange(Math.round(seconds * 10) / 10)
            }}
          >
            <Clock aria-hidden className="size-4" />
            <span className="max-sm:sr-only">Use current time</span>
          </Button>
        ) : null}
      </div>
      <p id={hintId} className="text-xs text-slate-500">
        {isUnavailable
          ? 'The video has no current time yet: play it first.'
          : 'Like 1:15.3; empty for none.'}
      </p>
      <ErrorText id={errorId} message={error} />
    </div>
  )
}

interface QuestionCardProps {
  question: QuestionDraft
  number: number
  count: number
  errors: QuestionErrors | undefined
  getCurrentTime?: () => number | null
  isDragging: boolean
  dropPosition: 'before' | 'after' | null
  onChange: (question: QuestionDraft) => void
  onMove: (to: number, control: 'up' | 'down') => void
  onRemove: () => void
  onDragStart: (event: DragEvent<HTMLElement>) => void
  onDragOver: (event: DragEvent<HTMLElement>) => void
  onDrop: (event: DragEvent<HTMLElement>) => void
  onDragEnd: () => void
}

function QuestionCard({
  question,
  number,
  count,
  errors = {},
  getCurrentTime,
  isDragging,
  dropPosition,
  onChange,
  onMove,
  onRemove,
  onDragStart,
  onDragOver,
  onDrop,
  onDragEnd,
}: QuestionCardProps) {
  const id = useId()
  const change = (next: Partial<QuestionDraft>) => onChange({ ...question, ...next })
  const isSingle = question.type === 'single'
  const hasErrors = Object.keys(errors).length > 0
  const optionsErrorId = `${id}-options-error`
  const correctErrorId = `${id}-correct-error`

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
    <li
      className={cx(
        'relative',
        dropPosition === 'before' &&
          'before:absolute before:inset-x-0 before:-top-2 before:h-1 before:rounded-full before:bg-brand-500',
        dropPosition === 'after' &&
          'after:absolute after:inset-x-0 after:-bottom-2 after:h-1 after:rounded-full after:bg-brand-500',
      )}
      onDragOver={onDragOver}
      onDrop={onDrop}
    >
      <fieldset
        className={cx(
          'flex min-w-0 flex-col gap-3 rounded-xl bg-white p-3 ring-1 sm:p-4',
          hasErrors ? 'ring-rose-300' : 'ring-slate-200',
          isDragging && 'opacity-50',
        )}
      >
        <legend className="sr-only">Question {number}</legend>
        <div className="flex items-center gap-1">
          {/* Dragging is for pointers; keyboards and screen readers have the move buttons. */}
          <span
            aria-hidden
            draggable
            onDragStart={onDragStart}
            onDragEnd={onDragEnd}
            title="Drag to reorder"
            data-drag-handle={question.key}
            className="grid size-9 shrink-0 cursor-grab place-items-center rounded-lg text-slate-400 hover:bg-slate-100 hover:text-slate-600 active:cursor-grabbing"
          >
            <GripVertical aria-hidden className="size-4" />
          </span>
          <p aria-hidden className="flex-1 text-sm font-bold text-brand-700">
            Question {number}
          </p>
          <Button
            variant="ghost"
            size="icon"
            aria-label={`Move question ${number} up`}
            data-focus={`${question.key}:up`}
            disabled={number === 1}
            onClick={() => onMove(number - 2, 'up')}
          >
            <ArrowUp aria-hidden className="size-4" />
          </Button>
          <Button
            variant="ghost"
            size="icon"
            aria-label={`Move question ${number} down`}
            data-focus={`${question.key}:down`}
            disabled={number === count}
            onClick={() => onMove(number, 'down')}
          >
            <ArrowDown aria-hidden className="size-4" />
          </Button>
          <Button
            variant="danger"
            size="icon"
            aria-label={`Remove question ${number}`}
            onClick={onRemove}
          >
            <Trash2 aria-hidden className="size-4" />
          </Button>
        </div>
        <SelectField
          label="Type"
          value={question.type}
          onChange={(event) => {
            const type = event.target.value
            if (isQuestionType(type)) onChange(withType(question, type))
          }}
        >
          {Object.entries(typeLabels).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </SelectField>
        <TextareaField
          label="Question"
          value={question.prompt}
          maxLength={1000}
          placeholder="What does the speaker say next?"
          data-focus={`${question.key}:prompt`}
          error={errors.prompt}
          onChange={(event) => change({ prompt: event.target.value })}
        />

        {question.type === 'single' || question.type === 'multiple' ? (
          <fieldset className="flex min-w-0 flex-col gap-2">
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
                      className={cx(
                        'grid size-11 shrink-0 cursor-pointer place-items-center rounded-xl ring-1 ring-inset has-focus-visible:outline-2 has-focus-visible:outline-brand-600',
                        isCorrect ? 'bg-emerald-50 ring-emerald-400' : 'bg-white ring-slate-300',
                      )}
                    >
                      <input
                        type={isSingle ? 'radio' : 'checkbox'}
                        name={`${id}-correct`}
                        className="size-4 accent-emerald-600"
                        checked={isCorrect}
                        aria-invalid={errors.correct ? true : undefined}
                        aria-describedby={errors.correct ? correctErrorId : undefined}
                        onChange={(event) => toggleCorrect(option.id, event.target.checked)}
                      />
                      <span className="sr-only">Option {letter} is correct</span>
                    </label>
                    <input
                      aria-label={`Option ${letter}`}
                      value={option.text}
                      maxLength={500}
                      aria-invalid={errors.options ? true : undefined}
                      aria-describedby={errors.options ? optionsErrorId : undefined}
                      onChange={(event) =>
                        change({
                          options: question.options.map((o) =>
                            o.id === option.id ? { ...o, text: event.target.value } : o,
                          ),
                        })
                      }
                      className={inputClassName(Boolean(errors.options), 'flex-1')}
                    />
                    {question.options.length > 2 ? (
                      <Button
                        variant="ghost"
                        size="icon"
                        aria-label={`Remove option ${letter}`}
                        className="text-slate-500"
                        onClick={() =>
                          change({
                            options: question.options.filter((o) => o.id !== option.id),
                            correctIds: question.correctIds.filter((c) => c !== option.id),
                          })
                        }
                      >
                        <X aria-hidden className="size-4" />
                      </Button>
                    ) : null}
                  </li>
                )
              })}
            </ul>
            <ErrorText id={optionsErrorId} message={errors.options} />
            <ErrorText id={correctErrorId} message={errors.correct} />
            {question.options.length < MAX_OPTIONS ? (
              <Button
                variant="ghost"
                size="sm"
                className="self-start"
                onClick={() => change({ options: [...question.options, newOptionDraft()] })}
              >
                <Plus aria-hidden className="size-4" />
                Add option
              </Button>
            ) : null}
          </fieldset>
        ) : null}

        {question.type === 'true_false' ? (
          <fieldset className="flex flex-col gap-1.5">
            <legend className="mb-1.5 text-sm font-semibold text-slate-800">Correct answer</legend>
            <div className="grid grid-cols-2 gap-2">
              {[true, false].map((value) => (
                <label
                  key={String(value)}
                  className={cx(
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
        ) : null}

        {question.type === 'short_text' ? (
          <fieldset className="flex min-w-0 flex-col gap-2">
            <legend className="mb-1.5 text-sm font-semibold text-slate-800">
              Accepted answers
            </legend>
            <p id={`${id}-answers-hint`} className="-mt-1 text-xs text-slate-500">
              Compared ignoring case, accents, punctuation and extra spaces.
            </p>
            <ul className="flex flex-col gap-2">
              {question.acceptedAnswers.map((answer, index) => (
                // Answers have no ids of their own; their place is what the author sees.
                // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place
                <li key={index} className="flex items-center gap-2">
                  <input
                    aria-label={`Accepted answer ${index + 1}`}
                    value={answer}
                    maxLength={200}
                    aria-invalid={errors.correct ? true : undefined}
                    aria-describedby={cx(`${id}-answers-hint`, errors.correct && correctErrorId)}
                    onChange={(event) =>
                      change({
                        acceptedAnswers: question.acceptedAnswers.map((a, i) =>
                          i === index ? event.target.value : a,
                        ),
                      })
                    }
                    className={inputClassName(Boolean(errors.correct), 'flex-1')}
                  />
                  {question.acceptedAnswers.length > 1 ? (
                    <Button
                      variant="ghost"
                      size="icon"
                      aria-label={`Remove accepted answer ${index + 1}`}
                      className="text-slate-500"
                      onClick={() =>
                        change({
                          acceptedAnswers: question.acceptedAnswers.filter((_, i) => i !== index),
                        })
                      }
                    >
                      <X aria-hidden className="size-4" />
                    </Button>
                  ) : null}
                </li>
              ))}
            </ul>
            <ErrorText id={correctErrorId} message={errors.correct} />
            {question.acceptedAnswers.length < MAX_ACCEPTED_ANSWERS ? (
              <Button
                variant="ghost"
                size="sm"
                className="self-start"
                onClick={() => change({ acceptedAnswers: [...question.acceptedAnswers, ''] })}
              >
                <Plus aria-hidden className="size-4" />
                Add accepted answer
              </Button>
            ) : null}
          </fieldset>
        ) : null}

        <TextareaField
          label="Explanation (optional)"
          value={question.explanation}
          maxLength={2000}
          error={errors.explanation}
          onChange={(event) => change({ explanation: event.target.value })}
        />
        <div className="grid grid-cols-2 gap-3 sm:grid-cols-[1fr_1fr_1.4fr]">
          <PointsField
            value={question.points}
            error={errors.points}
            onChange={(points) => change({ points })}
          />
          <TimeLimitField
            value={question.timeLimitS}
            error={errors.timeLimitS}
            onChange={(timeLimitS) => change({ timeLimitS })}
          />
          <div className="col-span-2 sm:col-span-1">
            <MomentField
              number={number}
              value={question.atS}
              error={errors.atS}
              getCurrentTime={getCurrentTime}
              onChange={(atS) => change({ atS })}
            />
          </div>
        </div>
      </fieldset>
    </li>
  )
}

interface SuggestionsPanelProps {
  transcript: string
  questions: QuestionDraft[]
  canAdd: boolean
  onAccept: (draft: QuestionDraft, isEditing: boolean) => void
}

function SuggestionsPanel({ transcript, questions, canAdd, onAccept }: SuggestionsPanelProps) {
  const headingId = useId()
  const panelRef = useRef<HTMLElement>(null)
  const [focusIndex, setFocusIndex] = useState<number | null>(null)
  const suggestions = useMemo(
    () => suggestBlankQuestions(transcript, { count: SUGGESTION_COUNT }),
    [transcript],
  )
  const [accepted, setAccepted] = useState<ReadonlySet<string>>(() => new Set())
  const prompts = new Set(questions.map((question) => question.prompt.trim()))
  const open = suggestions.filter(
    (suggestion) => !accepted.has(suggestion.prompt) && !prompts.has(suggestion.prompt),
  )

  // "Add" takes its suggestion away: the focus goes to the next one's "Add" (or the note
  // that none are left) rather than to the page.
  useLayoutEffect(() => {
    if (focusIndex === null || !panelRef.current) return
    const buttons = panelRef.current.querySelectorAll<HTMLElement>('[data-suggestion-add]')
    const target =
      buttons[Math.min(focusIndex, buttons.length - 1)] ??
      panelRef.current.querySelector<HTMLElement>('[data-suggestions-note]')
    target?.focus()
    setFocusIndex(null)
  }, [focusIndex])

  function accept(index: number, isEditing: boolean) {
    const suggestion = open[index]
    if (!suggestion) return
    setAccepted(new Set([...accepted, suggestion.prompt]))
    const [draft] = draftsFromQuestions([suggestion])
    if (draft) onAccept(draft, isEditing)
    if (!isEditing) setFocusIndex(index)
  }

  return (
    <section
      ref={panelRef}
      aria-labelledby={headingId}
      className="flex flex-col gap-3 rounded-xl bg-amber-50/60 p-3 ring-1 ring-amber-200 sm:p-4"
    >
      <div className="flex flex-col gap-0.5">
        <h3 id={headingId} className="flex items-center gap-1.5 text-sm font-bold text-slate-900">
          <Lightbulb aria-hidden className="size-4 text-amber-600" />
          Suggestions from the transcript
        </h3>
        <p className="text-xs text-slate-600">
          Fill-in-the-blank questions made from the captions’ words. Check each one before you add
          it.
        </p>
      </div>
      {suggestions.length === 0 ? (
        <p className="text-sm text-slate-700">
          The transcript is too short to suggest questions. Write your own below.
        </p>
      ) : open.length === 0 ? (
        <p data-suggestions-note tabIndex={-1} className="text-sm text-slate-700">
          You have added every suggestion.
        </p>
      ) : (
        <ol className="flex flex-col gap-2">
          {open.map((suggestion, index) => {
            const answers =
              suggestion.type === 'single'
                ? suggestion.options.map((option) => ({
                    text: option.text,
                    isCorrect: option.id === suggestion.correct,
                  }))
                : suggestion.type === 'short_text'
                  ? suggestion.correct.map((text) => ({ text, isCorrect: true }))
                  : []
            return (
              <li
                key={suggestion.prompt}
                className="flex flex-col gap-2 rounded-lg bg-white p-3 ring-1 ring-slate-200"
              >
                <p className="text-sm font-medium break-words text-slate-900">
                  {suggestion.prompt}
                </p>
                <ul className="flex flex-wrap gap-1.5" aria-label="Answers">
                  {answers.map((answer) => (
                    <li
                      key={answer.text}
                      className={cx(
                        'inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs',
                        answer.isCorrect
                          ? 'bg-emerald-50 font-semibold text-emerald-800 ring-1 ring-emerald-300'
                          : 'bg-slate-100 text-slate-700',
                      )}
                    >
                      {answer.isCorrect ? <Check aria-hidden className="size-3" /> : null}
                      {answer.text}
                      {answer.isCorrect ? <span className="sr-only"> (correct)</span> : null}
                    </li>
                  ))}
                </ul>
                <div className="flex gap-2">
                  <Button
                    variant="primary"
                    size="sm"
                    disabled={!canAdd}
                    data-suggestion-add
                    onClick={() => accept(index, false)}
                  >
                    <Plus aria-hidden className="size-4" />
                    Add<span className="sr-only"> suggestion {index + 1}</span>
                  </Button>
                  <Button size="sm" disabled={!canAdd} onClick={() => accept(index, true)}>
                    <PencilLine aria-hidden className="size-4" />
                    Edit<span className="sr-only"> suggestion {index + 1}</span>
                  </Button>
                </div>
              </li>
            )
          })}
        </ol>
      )}
    </section>
  )
}

export interface QuestionEditorProps {
  questions: QuestionDraft[]
  onChange: (next: QuestionDraft[]) => void
  /** What `validateDrafts` found, shown next to the fields at fault. */
  errors?: ValidationErrors | null
  /** The player's current time in seconds, for "Use current time"; null when it has none. */
  getCurrentTime?: () => number | null
  /** What is said in the video (plain text or WebVTT), to suggest questions from. */
  transcript?: string
  maxQuestions?: number
}

/**
 * The questions of a loop or session, edited in place: all four types, reordered by drag
 * or by the move buttons, with suggestions from the transcript when there is one.
 */
export function QuestionEditor({
  questions,
  onChange,
  errors,
  getCurrentTime,
  transcript,
  maxQuestions = DEFAULT_MAX_QUESTIONS,
}: QuestionEditorProps) {
  const rootRef = useRef<HTMLDivElement>(null)
  const listErrorId = useId()
  const [focusTarget, setFocusTarget] = useState<FocusTarget | null>(null)
  const [dragging, setDragging] = useState<string | null>(null)
  // Read by the drag handlers: a dragover can come before the render that sets `dragging`.
  const draggingRef = useRef<string | null>(null)
  const [dropTarget, setDropTarget] = useState<{
    key: string
    position: 'before' | 'after'
  } | null>(null)
  const canAdd = questions.length < maxQuestions

  // React moves a reordered question's elements in the page, which can take the focus away
  // from the button just pressed; put it back (or on the other button at an end of the list).
  useLayoutEffect(() => {
    if (!focusTarget || !rootRef.current) return
    const { key, control } = focusTarget
    const find = (name: string) =>
      rootRef.current?.querySelector<HTMLElement>(`[data-focus="${key}:${name}"]`)
    const fallback = control === 'up' ? 'down' : control === 'down' ? 'up' : control
    const element = find(control)
    const target =
      element && !(element as HTMLButtonElement).disabled ? element : (find(fallback) ?? element)
    target?.focus()
    setFocusTarget(null)
  }, [focusTarget])

  function add(draft: QuestionDraft) {
    if (!canAdd) return
    onChange([...questions, draft])
    setFocusTarget({ key: draft.key, control: 'prompt' })
  }

  function move(from: number, to: number) {
    if (to < 0 || to >= questions.length) return
    onChange(moveDraft(questions, from, to))
  }

  function remove(index: number) {
    const neighbour = questions[index + 1] ?? questions[index - 1]
    onChange(questions.filter((_, i) => i !== index))
    setFocusTarget(
      neighbour ? { key: neighbour.key, control: 'prompt' } : { key: 'list', control: 'add' },
    )
  }

  function dropPositionOf(event: DragEvent<HTMLElement>): 'before' | 'after' {
    const box = event.currentTarget.getBoundingClientRect()
    return event.clientY < box.top + box.height / 2 ? 'before' : 'after'
  }

  function startDrag(key: string) {
    draggingRef.current = key
    setDragging(key)
  }

  function endDrag() {
    draggingRef.current = null
    setDragging(null)
    setDropTarget(null)
  }

  function handleDragOver(event: DragEvent<HTMLElement>, key: string) {
    if (!draggingRef.current) return
    event.preventDefault()
    event.dataTransfer.dropEffect = 'move'
    const position = dropPositionOf(event)
    if (dropTarget?.key !== key || dropTarget.position !== position)
      setDropTarget({ key, position })
  }

  function handleDrop(event: DragEvent<HTMLElement>, target: number) {
    const key = draggingRef.current
    if (!key) return
    event.preventDefault()
    const from = questions.findIndex((question) => question.key === key)
    if (from >= 0) move(from, dropIndex(from, target, dropPositionOf(event)))
    endDrag()
  }

  const showSuggestions = Boolean(transcript?.trim())

  return (
    <div ref={rootRef} className="flex min-w-0 flex-col gap-4">
      {showSuggestions && transcript ? (
        <SuggestionsPanel
          transcript={transcript}
          questions={questions}
          canAdd={canAdd}
          onAccept={(draft, isEditing) => {
            if (!canAdd) return
            onChange([...questions, draft])
            if (isEditing) setFocusTarget({ key: draft.key, control: 'prompt' })
          }}
        />
      ) : null}
      <fieldset className="flex min-w-0 flex-col gap-3">
        <legend className="mb-1.5 text-sm font-semibold text-slate-800">Questions</legend>
        {questions.length === 0 ? (
          <p className="rounded-xl bg-white p-4 text-sm text-slate-600 ring-1 ring-slate-200">
            No questions yet. Add one with the buttons below
            {showSuggestions ? ', or take a suggestion from the transcript.' : '.'}
          </p>
        ) : (
          <ol className="flex flex-col gap-3">
            {questions.map((question, index) => (
              <QuestionCard
                key={question.key}
                question={question}
                number={index + 1}
                count={questions.length}
                errors={errors?.questions[question.key]}
                getCurrentTime={getCurrentTime}
                isDragging={dragging === question.key}
                dropPosition={
                  dropTarget?.key === question.key && dragging !== question.key
                    ? dropTarget.position
                    : null
                }
                onChange={(next) => onChange(questions.map((q) => (q.key === next.key ? next : q)))}
                onMove={(to, control) => {
                  move(index, to)
                  setFocusTarget({ key: question.key, control })
                }}
                onRemove={() => remove(index)}
                onDragStart={(event) => {
                  event.dataTransfer.effectAllowed = 'move'
                  event.dataTransfer.setData('text/plain', `Question ${index + 1}`)
                  const card = event.currentTarget.closest('li')
                  if (card) event.dataTransfer.setDragImage(card, 24, 24)
                  startDrag(question.key)
                }}
                onDragOver={(event) => handleDragOver(event, question.key)}
                onDrop={(event) => handleDrop(event, index)}
                onDragEnd={endDrag}
              />
            ))}
          </ol>
        )}
        <ErrorText id={listErrorId} message={errors?.list} />
        {canAdd ? (
          <div className="flex flex-wrap gap-2">
            {(Object.keys(addLabels) as QuestionType[]).map((type, index) => (
              <Button
                key={type}
                size="sm"
                variant={index === 0 ? 'secondary' : 'ghost'}
                data-focus={index === 0 ? 'list:add' : undefined}
                onClick={() => add(newQuestionDraft(type))}
              >
                <Plus aria-hidden className="size-4" />
                {addLabels[type]}
              </Button>
            ))}
          </div>
        ) : (
          <p className="text-sm text-slate-600">
            That is {maxQuestions} questions, the most there can be. Remove one to add another.
          </p>
        )}
      </fieldset>
    </div>
  )
}
