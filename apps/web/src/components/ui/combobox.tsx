import clsx from 'clsx'
import { Check, ChevronDown } from 'lucide-react'
import { type KeyboardEvent, useId, useMemo, useState } from 'react'
import { Field, type FieldProps } from './field'

export interface ComboboxOption {
  value: string
  label: string
}

interface ComboboxProps extends FieldProps {
  options: ComboboxOption[]
  value: string
  onChange: (value: string) => void
  name?: string
  /** Options for what was typed, best first; by default those whose label contains it. */
  filter?: (options: ComboboxOption[], query: string) => ComboboxOption[]
  /** Said when nothing matches, e.g. "No time zone matches “xyz”". */
  noMatchText: (query: string) => string
}

const byLabel = (options: ComboboxOption[], query: string) => {
  const needle = query.trim().toLowerCase()
  return options.filter((option) => option.label.toLowerCase().includes(needle))
}

/**
 * A text box that filters a list to pick one value from (WAI-ARIA APG combobox with a listbox):
 * typing filters, arrow keys move through the matches, Enter picks, Escape closes. Focus stays in
 * the text box; the highlighted option is announced through aria-activedescendant.
 */
export function Combobox({
  label,
  hint,
  error,
  className,
  options,
  value,
  onChange,
  name,
  filter = byLabel,
  noMatchText,
}: ComboboxProps) {
  const listboxId = useId()
  const statusId = useId()
  // Null while not typing: the text box then shows the chosen option.
  const [query, setQuery] = useState<string | null>(null)
  const [isOpen, setIsOpen] = useState(false)
  const [activeIndex, setActiveIndex] = useState(-1)
  const selected = options.find((option) => option.value === value)
  const matches = useMemo(
    () => (query === null || query.trim() === '' ? options : filter(options, query)),
    [options, filter, query],
  )
  const active = isOpen ? matches[activeIndex] : undefined
  const optionId = (index: number) => `${listboxId}-option-${index}`

  function highlight(index: number) {
    setActiveIndex(index)
    // Keep the highlighted option in view as the list scrolls under the keyboard.
    document.getElementById(optionId(index))?.scrollIntoView({ block: 'nearest' })
  }

  function open() {
    setIsOpen(true)
    const current = Math.max(
      matches.findIndex((option) => option.value === value),
      0,
    )
    setActiveIndex(current)
    // The list renders on open; bring the chosen option into view once it is there.
    requestAnimationFrame(() =>
      document.getElementById(optionId(current))?.scrollIntoView({ block: 'nearest' }),
    )
  }

  function close() {
    setIsOpen(false)
    setQuery(null)
    setActiveIndex(-1)
  }

  function choose(option: ComboboxOption) {
    onChange(option.value)
    close()
  }

  function handleKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault()
        if (!isOpen || event.altKey) open()
        else if (matches.length > 0) highlight((activeIndex + 1) % matches.length)
        return
      case 'ArrowUp':
        event.preventDefault()
        if (!isOpen) open()
        else if (matches.length > 0) highlight((activeIndex - 1 + matches.length) % matches.length)
        return
      case 'Enter':
        // Picking an option must not submit the form around the combobox.
        if (isOpen && active) {
          event.preventDefault()
          choose(active)
        }
        return
      case 'Escape':
        if (isOpen || query !== null) {
          // Inside a dialog, the first Escape closes the list only.
          event.preventDefault()
          event.stopPropagation()
          close()
        }
        return
    }
  }

  const showNoMatch = isOpen && matches.length === 0 && query !== null
  return (
    <Field label={label} hint={hint} error={error} className={className}>
      {(control) => (
        <div className="relative">
          <input
            {...control}
            type="text"
            role="combobox"
            name={name}
            autoComplete="off"
            spellCheck={false}
            aria-autocomplete="list"
            aria-expanded={isOpen}
            aria-controls={listboxId}
            aria-activedescendant={active ? optionId(activeIndex) : undefined}
            aria-describedby={
              clsx(control['aria-describedby'], showNoMatch && statusId) || undefined
            }
            value={query ?? selected?.label ?? value}
            onChange={(event) => {
              setQuery(event.target.value)
              setIsOpen(true)
              setActiveIndex(0)
            }}
            onFocus={(event) => event.target.select()}
            onClick={() => (isOpen ? undefined : open())}
            onBlur={close}
            onKeyDown={handleKeyDown}
            className={clsx(
              'h-11 w-full rounded-xl border bg-white pr-10 pl-3.5 text-base text-slate-900 shadow-xs transition-colors',
              'focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-brand-600',
              error ? 'border-rose-400' : 'border-slate-300 hover:border-slate-400',
            )}
          />
          <ChevronDown
            aria-hidden
            className="pointer-events-none absolute top-3.5 right-3.5 size-4 text-slate-500"
          />
          <div
            id={listboxId}
            role="listbox"
            aria-label={label}
            hidden={!isOpen || matches.length === 0}
            // Clicking an option must not blur the text box first (that would close the list).
            onMouseDown={(event) => event.preventDefault()}
            className="absolute inset-x-0 top-full z-20 mt-1 max-h-64 overflow-y-auto rounded-xl bg-white py-1 shadow-lg ring-1 ring-slate-200"
          >
            {isOpen
              ? matches.map((option, index) => (
                  // biome-ignore lint/a11y/useKeyWithClickEvents: the text box handles the keyboard (aria-activedescendant)
                  <div
                    key={option.value}
                    id={optionId(index)}
                    role="option"
                    // Focus stays in the text box; -1 only lets the option take a pointer's click.
                    tabIndex={-1}
                    aria-selected={index === activeIndex}
                    onClick={() => choose(option)}
                    onMouseMove={() => (index === activeIndex ? undefined : setActiveIndex(index))}
                    className={clsx(
                      'flex cursor-pointer items-center gap-2 px-3 py-2 text-sm',
                      index === activeIndex ? 'bg-brand-50 text-brand-900' : 'text-slate-800',
                    )}
                  >
                    <Check
                      aria-hidden
                      className={clsx(
                        'size-4 shrink-0 text-brand-600',
                        option.value === value ? 'visible' : 'invisible',
                      )}
                    />
                    <span className="min-w-0 break-words">{option.label}</span>
                  </div>
                ))
              : null}
          </div>
          <p
            id={statusId}
            role="status"
            className={clsx(
              showNoMatch
                ? 'absolute inset-x-0 top-full z-20 mt-1 rounded-xl bg-white px-3 py-2.5 text-sm text-slate-600 shadow-lg ring-1 ring-slate-200'
                : 'sr-only',
            )}
          >
            {showNoMatch ? noMatchText(query.trim()) : ''}
          </p>
        </div>
      )}
    </Field>
  )
}
