import clsx from 'clsx'
import { LoaderCircle } from 'lucide-react'

interface SpinnerProps {
  className?: string
  /** Read to screen readers; omit when the surrounding text already says it. */
  label?: string
}

export function Spinner({ className, label }: SpinnerProps) {
  return (
    <>
      <LoaderCircle aria-hidden className={clsx('size-5 animate-spin', className)} />
      {label ? <span className="sr-only">{label}</span> : null}
    </>
  )
}

/** A centred spinner for a whole page or panel that is loading. */
export function LoadingPanel({ label = 'Loading…' }: { label?: string }) {
  return (
    <div
      className="flex min-h-48 flex-col items-center justify-center gap-3 text-slate-500"
      aria-busy="true"
    >
      <Spinner className="size-8 text-brand-600" />
      <p className="text-sm font-medium">{label}</p>
    </div>
  )
}
