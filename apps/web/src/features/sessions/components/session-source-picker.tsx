import clsx from 'clsx'
import { Import, PencilLine } from 'lucide-react'
import type { SourceDraft, SourceErrors } from '../utils/source-draft'
import { ManualSourceFields } from './manual-source-fields'
import { RecentLoopPicker } from './recent-loop-picker'

interface SessionSourcePickerProps {
  value: SourceDraft
  onChange: (value: SourceDraft) => void
  errors: SourceErrors
  /** Told the picked loop's title, to suggest it as the session's. */
  onLoopPicked?: (title: string) => void
}

const choices = [
  {
    kind: 'loop',
    icon: Import,
    label: 'Import from recent loops',
    hint: 'One of your saved loops',
  },
  {
    kind: 'manual',
    icon: PencilLine,
    label: 'Create manually',
    hint: 'A video link and your own questions',
  },
] as const

/** Where the session's questions come from: a recent loop, or a video and questions typed in. */
export function SessionSourcePicker({
  value,
  onChange,
  errors,
  onLoopPicked,
}: SessionSourcePickerProps) {
  return (
    <div className="flex flex-col gap-4">
      <fieldset>
        <legend className="mb-1.5 text-sm font-semibold text-slate-800">Questions from</legend>
        <div className="grid grid-cols-1 gap-2 min-[420px]:grid-cols-2">
          {choices.map((choice) => {
            const isChecked = value.kind === choice.kind
            const Icon = choice.icon
            return (
              <label
                key={choice.kind}
                className={clsx(
                  'flex cursor-pointer items-start gap-2.5 rounded-xl p-3 ring-1 ring-inset transition-colors has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-brand-600',
                  isChecked
                    ? 'bg-brand-50 ring-2 ring-brand-500'
                    : 'bg-white ring-slate-200 hover:ring-brand-300',
                )}
              >
                <input
                  type="radio"
                  name="session-source"
                  className="sr-only"
                  checked={isChecked}
                  onChange={() => onChange({ ...value, kind: choice.kind })}
                />
                <Icon
                  aria-hidden
                  className={clsx(
                    'mt-0.5 size-5 shrink-0',
                    isChecked ? 'text-brand-700' : 'text-slate-500',
                  )}
                />
                <span className="flex flex-col">
                  <span className="text-sm font-semibold text-slate-900">{choice.label}</span>
                  <span className="text-xs text-slate-600">{choice.hint}</span>
                </span>
              </label>
            )
          })}
        </div>
      </fieldset>
      {value.kind === 'loop' ? (
        <RecentLoopPicker
          selectedId={value.loopId}
          onSelect={(loopId, title) => {
            onChange({ ...value, loopId })
            onLoopPicked?.(title)
          }}
          onCreateManually={() => onChange({ ...value, kind: 'manual' })}
          error={errors.source}
        />
      ) : (
        <ManualSourceFields
          value={value.manual}
          onChange={(manual) => onChange({ ...value, manual })}
          errors={errors}
        />
      )}
    </div>
  )
}
