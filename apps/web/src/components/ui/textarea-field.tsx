import clsx from 'clsx'
import type { TextareaHTMLAttributes } from 'react'
import { Field, type FieldProps } from './field'

type TextareaFieldProps = FieldProps & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'>

/** A labelled multi-line input with an optional hint and inline error. */
export function TextareaField({ label, hint, error, className, ...rest }: TextareaFieldProps) {
  return (
    <Field label={label} hint={hint} error={error} className={className}>
      {(control) => (
        <textarea
          rows={3}
          {...control}
          className={clsx(
            'w-full rounded-xl border bg-white px-3.5 py-2.5 text-base text-slate-900 shadow-xs transition-colors placeholder:text-slate-400',
            'focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-brand-600',
            error ? 'border-rose-400' : 'border-slate-300 hover:border-slate-400',
          )}
          {...rest}
        />
      )}
    </Field>
  )
}
