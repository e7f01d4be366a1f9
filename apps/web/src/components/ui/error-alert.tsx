import clsx from 'clsx'
import { CircleAlert } from 'lucide-react'
import type { ReactNode } from 'react'
import { describeError, fieldLabel } from '../../lib/errors'

interface ErrorAlertProps {
  error: unknown
  className?: string
  /** e.g. a "Try again" button */
  action?: ReactNode
}

/** The one place an error is shown to the user: a title, a sentence, and the fields at fault. */
export function ErrorAlert({ error, className, action }: ErrorAlertProps) {
  const { title, message, fields } = describeError(error)
  return (
    <div
      role="alert"
      className={clsx(
        'flex gap-3 rounded-xl border border-rose-200 bg-rose-50 p-4 text-sm text-rose-900',
        className,
      )}
    >
      <CircleAlert aria-hidden className="mt-0.5 size-5 shrink-0 text-rose-600" />
      <div className="flex min-w-0 flex-1 flex-col gap-1">
        <p className="font-semibold">{title}</p>
        <p>{message}</p>
        {fields.length > 0 ? (
          <ul className="mt-1 list-disc pl-5">
            {fields.map((field) => (
              <li key={`${field.path}:${field.message}`}>
                <span className="font-medium">{fieldLabel(field.path)}</span>: {field.message}
              </li>
            ))}
          </ul>
        ) : null}
        {action ? <div className="mt-2">{action}</div> : null}
      </div>
    </div>
  )
}
