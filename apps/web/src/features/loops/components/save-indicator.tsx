import { CloudOff, LoaderCircle, PencilLine } from 'lucide-react'
import { Button } from '../../../components/ui/button'
import { SaveStatus } from '../../../components/ui/save-status'
import { describeError } from '../../../lib/errors'
import type { SaveState } from '../hooks/use-loop-draft'

interface SaveIndicatorProps {
  state: SaveState
  /** Whether the loop exists on the server yet. */
  isCreated: boolean
  onRetry: () => void
}

/** Where the loop's autosave stands, in words; both parts are live regions read politely. */
export function SaveIndicator({ state, isCreated, onRetry }: SaveIndicatorProps) {
  return (
    // The two regions never show at once ("Saved" is the only state SaveStatus shows), so
    // they sit side by side with no gap between them.
    <div className="flex min-h-8 flex-wrap items-center gap-y-1 text-sm">
      <SaveStatus isSaved={state.kind === 'saved'} />
      <span role="status" className="inline-flex flex-wrap items-center gap-x-2 gap-y-1">
        {state.kind === 'waiting' || state.kind === 'saving' ? (
          <span className="inline-flex items-center gap-1.5 text-slate-600">
            <LoaderCircle aria-hidden className="size-4 animate-spin motion-reduce:animate-none" />
            {state.kind === 'saving' ? 'Saving…' : 'Saving soon…'}
          </span>
        ) : null}
        {state.kind === 'incomplete' ? (
          <span className="inline-flex items-start gap-1.5 text-slate-600">
            <PencilLine aria-hidden className="mt-0.5 size-4 shrink-0" />
            <span>
              {isCreated ? 'Not saved yet: ' : 'Draft kept in this browser. To save it: '}
              {state.missing}
            </span>
          </span>
        ) : null}
        {state.kind === 'failed' ? (
          <span className="inline-flex items-start gap-1.5 font-medium text-rose-700">
            <CloudOff aria-hidden className="mt-0.5 size-4 shrink-0" />
            <span>
              Not saved: {describeError(state.error).message} Your changes are kept in this browser.
            </span>
          </span>
        ) : null}
      </span>
      {state.kind === 'failed' ? (
        <Button variant="secondary" size="sm" className="ml-3" onClick={onRetry}>
          Try again
        </Button>
      ) : null}
    </div>
  )
}
