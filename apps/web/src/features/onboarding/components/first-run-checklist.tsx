import clsx from 'clsx'
import { ArrowRight, Check, PartyPopper, Rocket } from 'lucide-react'
import { Link } from 'react-router'
import { Button } from '../../../components/ui/button'
import { Card } from '../../../components/ui/card'
import { ProgressBar } from '../../../components/ui/progress-bar'
import { useStoredFlag } from '../hooks/use-stored-flag'
import { type FirstRunProgress, firstRunSteps } from '../utils/first-run'

interface FirstRunChecklistProps {
  progress: FirstRunProgress
  /** Whose checklist: dismissing it is remembered per account in this browser. */
  userId: string
}

/**
 * The first steps on the dashboard, ticked from what the user has made: each open step links
 * to where it is done. Once all are done it says so, until dismissed.
 */
export function FirstRunChecklist({ progress, userId }: FirstRunChecklistProps) {
  const [isDismissed, dismiss] = useStoredFlag(`loopquiz:first-run-dismissed:${userId}`)
  const steps = firstRunSteps(progress)
  const doneCount = steps.filter((step) => step.isDone).length

  if (doneCount === steps.length) {
    if (isDismissed) return null
    return (
      <Card>
        <section
          aria-labelledby="first-run-heading"
          className="flex flex-col gap-3 p-4 sm:flex-row sm:items-center sm:justify-between sm:p-6"
        >
          <div className="flex items-center gap-3">
            <span className="grid size-9 shrink-0 place-items-center rounded-xl bg-emerald-50 text-emerald-700">
              <PartyPopper aria-hidden className="size-5" />
            </span>
            <div>
              <h2
                id="first-run-heading"
                className="text-lg font-bold tracking-tight text-slate-900"
              >
                You’re all set
              </h2>
              <p className="text-sm text-slate-600">
                You made a loop, shared it and have a group to quiz together.
              </p>
            </div>
          </div>
          <Button
            variant="secondary"
            size="sm"
            className="self-start sm:self-auto"
            onClick={dismiss}
          >
            Dismiss
          </Button>
        </section>
      </Card>
    )
  }

  return (
    <Card>
      <section aria-labelledby="first-run-heading" className="flex flex-col gap-4 p-4 sm:p-6">
        <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
          <div className="flex items-center gap-3">
            <span className="grid size-9 shrink-0 place-items-center rounded-xl bg-brand-50 text-brand-700">
              <Rocket aria-hidden className="size-5" />
            </span>
            <div>
              <h2
                id="first-run-heading"
                className="text-lg font-bold tracking-tight text-slate-900"
              >
                Get started
              </h2>
              <p className="text-sm text-slate-600">
                {doneCount} of {steps.length} done
              </p>
            </div>
          </div>
          <ProgressBar
            value={doneCount}
            max={steps.length}
            label="First steps done"
            className="sm:max-w-48"
          />
        </div>
        <ol aria-label="First steps" className="grid grid-cols-1 gap-3 md:grid-cols-3">
          {steps.map((step, index) => (
            <li
              key={step.id}
              className={clsx(
                'relative flex gap-3 rounded-xl p-3 ring-1',
                step.isDone
                  ? 'bg-emerald-50/60 ring-emerald-200'
                  : 'bg-white ring-slate-200 focus-within:ring-2 focus-within:ring-brand-500 hover:ring-brand-300',
              )}
            >
              <span
                aria-hidden
                className={clsx(
                  'grid size-7 shrink-0 place-items-center rounded-full text-sm font-bold',
                  step.isDone ? 'bg-emerald-600 text-white' : 'bg-slate-100 text-slate-600',
                )}
              >
                {step.isDone ? <Check className="size-4" /> : index + 1}
              </span>
              <div className="flex min-w-0 flex-col gap-0.5">
                {step.isDone ? (
                  <p className="font-semibold text-slate-600 line-through decoration-slate-400">
                    {step.title}
                    <span className="sr-only"> (done)</span>
                  </p>
                ) : (
                  <Link
                    to={step.to}
                    className="inline-flex items-center gap-1 font-semibold text-brand-700 outline-none after:absolute after:inset-0 after:rounded-xl hover:underline"
                  >
                    {step.title}
                    <ArrowRight aria-hidden className="size-4" />
                  </Link>
                )}
                <p className="text-sm text-slate-600">{step.description}</p>
              </div>
            </li>
          ))}
        </ol>
      </section>
    </Card>
  )
}
