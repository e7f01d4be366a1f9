import clsx from 'clsx'
import type { InputHTMLAttributes } from 'react'
import { Field, type FieldProps } from './field'

type TextFieldProps = FieldProps & Omit<InputHTMLAttributes<HTMLInputElement>, 'id'>

/** A labelled input with an optional hint and inline error, wired for screen readers. */
export function TextField({ label, hint, error, className, ...rest }: TextFieldProps) {
  return (
    <Field label={label} hint={hint} error={error} className={className}>
      {(control) => (
        <input
          {...control}
          className={clsx(
            'h-11 w-full rounded-xl border bg-white px-3.5 text-base text-slate-900 shadow-xs transition-colors placeholder:text-slate-400',
            'focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-brand-600',
            error ? 'border-rose-400' : 'border-slate-300 hover:border-slate-400',
          )}
          {...rest}
        />
      )}
    </Field>
  )
}
