import type {
  CreateShareBody,
  CreateShareResponse,
  Loop,
  ShowAnswersPolicy,
} from '@loopquiz/contract'
import clsx from 'clsx'
import { type FormEvent, useState } from 'react'
import { Button } from '../../../components/ui/button'
import { Dialog } from '../../../components/ui/dialog'
import { ErrorAlert } from '../../../components/ui/error-alert'
import { showAnswersChoices } from '../utils/show-answers'

interface ShareQuizDialogProps {
  loop: Loop
  isOpen: boolean
  onClose: () => void
  onShare: (
    body: CreateShareBody,
    options: { onSuccess: (shared: CreateShareResponse) => void },
  ) => void
  isSharing: boolean
  error: unknown
}

function ShareQuizForm({
  loop,
  onClose,
  onShare,
  isSharing,
  error,
}: Omit<ShareQuizDialogProps, 'isOpen'>) {
  const [showAnswers, setShowAnswers] = useState<ShowAnswersPolicy>('after_each_answer')

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    onShare(
      {
        loopId: loop.id,
        title: loop.videoTitle.slice(0, 200),
        questions: loop.questions,
        visibility: 'public',
        showAnswers,
      },
      { onSuccess: onClose },
    )
  }

  return (
    <form noValidate onSubmit={handleSubmit} className="flex flex-col gap-5">
      {error ? <ErrorAlert error={error} /> : null}
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-2 text-sm font-semibold text-slate-800">
          When do takers see the correct answers?
        </legend>
        {showAnswersChoices.map((choice) => (
          <label
            key={choice.value}
            className={clsx(
              'flex cursor-pointer items-start gap-3 rounded-xl p-3 ring-1 ring-inset transition-colors has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-brand-600',
              showAnswers === choice.value
                ? 'bg-brand-50 ring-2 ring-brand-500'
                : 'bg-white ring-slate-200 hover:ring-slate-300',
            )}
          >
            <input
              type="radio"
              name="showAnswers"
              value={choice.value}
              checked={showAnswers === choice.value}
              onChange={() => setShowAnswers(choice.value)}
              className="mt-1 size-4 shrink-0 accent-brand-600"
            />
            <span className="flex flex-col gap-0.5">
              <span className="font-semibold text-slate-900">{choice.label}</span>
              <span className="text-sm text-slate-600">{choice.description}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
        <Button variant="secondary" onClick={onClose}>
          Cancel
        </Button>
        <Button type="submit" isLoading={isSharing}>
          Create quiz link
        </Button>
      </div>
    </form>
  )
}

/** Shares a loop's questions as a public quiz link, with the author's choice of when answers show. */
export function ShareQuizDialog({ isOpen, onClose, loop, ...form }: ShareQuizDialogProps) {
  return (
    <Dialog
      isOpen={isOpen}
      onClose={onClose}
      title="Share as quiz"
      description={`Anyone with the link can take the quiz on “${loop.videoTitle}”.`}
    >
      <ShareQuizForm loop={loop} onClose={onClose} {...form} />
    </Dialog>
  )
}
