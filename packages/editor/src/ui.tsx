// Small controls of the editor. The editor runs in the web app and in the extension's side
// panel, so it carries its own, with the look of apps/web/src/components/ui.
import { type ComponentProps, type ReactNode, useId } from 'react'

export function cx(...classes: (string | false | null | undefined)[]): string {
  return classes.filter(Boolean).join(' ')
}

type Variant = 'primary' | 'secondary' | 'ghost' | 'danger'
type Size = 'sm' | 'md' | 'icon'

const variants: Record<Variant, string> = {
  primary:
    'bg-brand-600 text-white shadow-sm shadow-brand-600/30 hover:bg-brand-700 active:bg-brand-800',
  secondary: 'bg-white text-slate-800 ring-1 ring-slate-300 ring-inset shadow-xs hover:bg-slate-50',
  ghost: 'text-slate-700 hover:bg-slate-100 hover:text-slate-900',
  danger: 'text-rose-700 hover:bg-rose-50 hover:text-rose-800',
}

const sizes: Record<Size, string> = {
  sm: 'h-8 gap-1.5 rounded-lg px-3 text-sm',
  md: 'h-10 gap-2 rounded-xl px-4 text-sm',
  icon: 'size-9 rounded-lg',
}

interface ButtonProps extends ComponentProps<'button'> {
  variant?: Variant
  size?: Size
}

export function Button({
  variant = 'secondary',
  size = 'md',
  className,
  type = 'button',
  ...rest
}: ButtonProps) {
  return (
    <button
      type={type}
      className={cx(
        'inline-flex shrink-0 items-center justify-center font-semibold whitespace-nowrap transition-colors',
        'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600',
        'disabled:cursor-not-allowed disabled:opacity-40',
        variants[variant],
        sizes[size],
        className,
      )}
      {...rest}
    />
  )
}

/** What a control inside a field needs so its label, hint and error are announced with it. */
export interface FieldControlProps {
  id: string
  'aria-invalid': true | undefined
  'aria-describedby': string | undefined
}

interface FieldProps {
  label: string
  hint?: string
  error?: string
  className?: string
  children: (control: FieldControlProps) => ReactNode
}

export function Field({ label, hint, error, className, children }: FieldProps) {
  const id = useId()
  const hintId = `${id}-hint`
  const errorId = `${id}-error`
  const describedBy = cx(hint && hintId, error && errorId) || undefined
  return (
    <div className={cx('flex min-w-0 flex-col gap-1.5', className)}>
      <label htmlFor={id} className="text-sm font-semibold text-slate-800">
        {label}
      </label>
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
      {hint ? (
        <p id={hintId} className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      <ErrorText id={errorId} message={error} />
    </div>
  )
}

export function ErrorText({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null
  return (
    <p id={id} className="text-sm font-medium text-rose-700">
      {message}
    </p>
  )
}

export function inputClassName(hasError: boolean, className?: string): string {
  return cx(
    'h-11 w-full min-w-0 rounded-xl border bg-white px-3 text-base text-slate-900 shadow-xs transition-colors placeholder:text-slate-400',
    'focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-brand-600',
    hasError ? 'border-rose-400' : 'border-slate-300 hover:border-slate-400',
    className,
  )
}

type TextFieldProps = Omit<FieldProps, 'children'> & Omit<ComponentProps<'input'>, 'id'>

export function TextField({ label, hint, error, className, ...rest }: TextFieldProps) {
  return (
    <Field label={label} hint={hint} error={error} className={className}>
      {(control) => <input {...control} className={inputClassName(Boolean(error))} {...rest} />}
    </Field>
  )
}

type SelectFieldProps = Omit<FieldProps, 'children'> & Omit<ComponentProps<'select'>, 'id'>

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
        <select {...control} className={inputClassName(Boolean(error))} {...rest}>
          {children}
        </select>
      )}
    </Field>
  )
}

type TextareaFieldProps = Omit<FieldProps, 'children'> & Omit<ComponentProps<'textarea'>, 'id'>

export function TextareaField({ label, hint, error, className, ...rest }: TextareaFieldProps) {
  return (
    <Field label={label} hint={hint} error={error} className={className}>
      {(control) => (
        <textarea
          rows={2}
          {...control}
          className={inputClassName(Boolean(error), 'h-auto py-2.5')}
          {...rest}
        />
      )}
    </Field>
  )
}
