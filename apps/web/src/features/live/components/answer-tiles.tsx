import type { AnswerValue, CorrectAnswer } from '@loopquiz/contract'
import clsx from 'clsx'
import { Check, X } from 'lucide-react'
import type { ReactNode } from 'react'
import { type AnswerChoice, distributionKey } from '../utils/answer-tiles'

/**
 * Kahoot-like tiles: each has a colour AND a shape AND its text, so nobody depends on telling
 * colours apart. White text sits only on colours dark enough for it (WCAG AA), yellow carries dark text.
 */
const tileStyles = [
  { tile: 'bg-rose-600 text-white', shape: 'triangle' },
  { tile: 'bg-blue-600 text-white', shape: 'diamond' },
  { tile: 'bg-amber-400 text-slate-900', shape: 'circle' },
  { tile: 'bg-emerald-700 text-white', shape: 'square' },
  { tile: 'bg-violet-600 text-white', shape: 'star' },
  { tile: 'bg-cyan-700 text-white', shape: 'hexagon' },
] as const

type Shape = (typeof tileStyles)[number]['shape']

const shapePaths: Record<Shape, ReactNode> = {
  triangle: <path d="M12 3 22 20H2z" />,
  diamond: <path d="M12 2 22 12 12 22 2 12z" />,
  circle: <circle cx="12" cy="12" r="10" />,
  square: <rect x="3" y="3" width="18" height="18" rx="2" />,
  star: <path d="m12 2 3 6.9 7.5.7-5.7 5 1.7 7.4L12 18.2 5.5 22l1.7-7.4-5.7-5 7.5-.7z" />,
  hexagon: <path d="M7 3h10l5 9-5 9H7l-5-9z" />,
}

export function TileShape({ index, className }: { index: number; className?: string }) {
  const style = tileStyles[index % tileStyles.length] ?? tileStyles[0]
  return (
    <svg
      aria-hidden
      viewBox="0 0 24 24"
      className={clsx('shrink-0 fill-current', className)}
      focusable="false"
    >
      {shapePaths[style.shape]}
    </svg>
  )
}

export type TileMark = 'idle' | 'chosen' | 'correct' | 'wrong' | 'dimmed'

interface AnswerTilesProps {
  choices: AnswerChoice[]
  /** Multiple choice: tiles toggle, and a separate button sends them. */
  isMultiple: boolean
  /** What this participant picked (sent or, for multiple choice, being picked). */
  picked: readonly (string | boolean)[]
  isDisabled: boolean
  /** The answer is in (or time is up): the tiles not picked fade back. */
  isSettled: boolean
  onPick: (value: string | boolean) => void
  /** From the reveal on: the key and how the answers fell. */
  reveal?: { correctAnswer: CorrectAnswer; distribution: Record<string, number> } | null
}

function isInAnswer(answer: AnswerValue | CorrectAnswer, value: string | boolean): boolean {
  if (Array.isArray(answer)) return answer.includes(String(value))
  return answer === value
}

function markOf(
  value: string | boolean,
  picked: readonly (string | boolean)[],
  reveal: AnswerTilesProps['reveal'],
  isSettled: boolean,
): TileMark {
  const isPicked = picked.includes(value)
  if (!reveal) return isPicked ? 'chosen' : isSettled ? 'dimmed' : 'idle'
  if (isInAnswer(reveal.correctAnswer, value)) return 'correct'
  return isPicked ? 'wrong' : 'dimmed'
}

const markClasses: Record<TileMark, string> = {
  idle: '',
  chosen: 'ring-4 ring-slate-900 ring-offset-2',
  correct: 'ring-4 ring-emerald-500 ring-offset-2',
  wrong: 'ring-4 ring-slate-900 ring-offset-2 opacity-75',
  dimmed: 'opacity-40',
}

function MarkText({ mark }: { mark: TileMark }) {
  if (mark === 'correct')
    return (
      <span className="inline-flex items-center gap-1 rounded-full bg-white px-2 py-0.5 text-xs font-bold text-emerald-800">
        <Check aria-hidden className="size-3.5" />
        Correct
      </span>
    )
  if (mark === 'wrong' || mark === 'chosen')
    return (
      <span className="inline-flex items-center gap-1 rounded-full bg-white px-2 py-0.5 text-xs font-bold text-slate-800">
        {mark === 'wrong' ? <X aria-hidden className="size-3.5" /> : null}
        Your answer
      </span>
    )
  return null
}

/** The answer buttons of a live question, then the same tiles marked at the reveal. */
export function AnswerTiles({
  choices,
  isMultiple,
  picked,
  isDisabled,
  isSettled,
  onPick,
  reveal,
}: AnswerTilesProps) {
  return (
    <ul className="grid grid-cols-1 gap-3 min-[480px]:grid-cols-2">
      {choices.map((choice, index) => {
        const style = tileStyles[index % tileStyles.length] ?? tileStyles[0]
        const mark = markOf(choice.value, picked, reveal, isSettled)
        const count = reveal?.distribution[distributionKey(choice.value)]
        return (
          <li key={String(choice.value)}>
            <button
              type="button"
              aria-pressed={isMultiple ? picked.includes(choice.value) : undefined}
              disabled={isDisabled}
              onClick={() => onPick(choice.value)}
              className={clsx(
                'flex min-h-20 w-full items-center gap-3 rounded-2xl px-4 py-3 text-left text-lg font-bold shadow-md transition',
                'focus-visible:outline-4 focus-visible:outline-offset-4 focus-visible:outline-slate-900',
                'enabled:hover:brightness-110 enabled:active:scale-[0.98] disabled:cursor-default motion-reduce:transition-none',
                style.tile,
                markClasses[mark],
              )}
            >
              <TileShape index={index} className="size-8" />
              <span className="min-w-0 flex-1 break-words">{choice.label}</span>
              <span className="flex shrink-0 flex-col items-end gap-1">
                <MarkText mark={mark} />
                {count !== undefined ? (
                  <span className="text-sm font-semibold tabular-nums">
                    {count} {count === 1 ? 'answer' : 'answers'}
                  </span>
                ) : null}
              </span>
            </button>
          </li>
        )
      })}
    </ul>
  )
}
