import clsx from 'clsx'
import type { SelectHTMLAttributes } from 'react'
import { Field, type FieldProps } from './field'

type SelectFieldProps = FieldProps & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'>

/** A labelled native select (keyboard and phone friendly) with an optional hint and error. */
export function SelectField({
  label,
  hint,
  error,
  className,
  children,
  ...rest
}: SelectFieldProps) {
  return (
    <Field label={label} hint={hint} error={error} className={className}>
      {(control) => (
        <select
          {...control}
          className={clsx(
            'h-11 w-full min-w-0 rounded-xl border bg-white px-3 text-base text-slate-900 shadow-xs transition-colors',
            'focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-brand-600',
            'disabled:cursor-not-allowed disabled:bg-slate-50 disabled:text-slate-500',
            error ? 'border-rose-400' : 'border-slate-300 hover:border-slate-400',
          )}
          {...rest}
        >
          {children}
        </select>
      )}
    </Field>
  )
}
