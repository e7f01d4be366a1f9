import clsx from 'clsx'
import { type KeyboardEvent, type ReactNode, useId, useRef } from 'react'
import { Link, matchPath, useLocation, useNavigate } from 'react-router'

export interface TabLink {
  to: string
  label: string
  /** Also active on the pages under it, e.g. a session's page under "Sessions". */
  isActiveBelow?: boolean
  /** Something waiting there, shown as a badge and read as e.g. "Members, 2 waiting". */
  badge?: { count: number; label: string }
}

interface TabLinksProps {
  /** Names the tab list, e.g. "Group sections". */
  label: string
  tabs: TabLink[]
  /** The active tab's content. */
  children: ReactNode
}

/**
 * Tabs that are links, so every tab has its own URL, with the tablist keyboard pattern
 * (arrows, Home, End) and the active tab's content in the tab panel.
 */
export function TabLinks({ label, tabs, children }: TabLinksProps) {
  const { pathname } = useLocation()
  const navigate = useNavigate()
  const id = useId()
  const refs = useRef<(HTMLAnchorElement | null)[]>([])
  const activeIndex = Math.max(
    0,
    tabs.findIndex((tab) => matchPath({ path: tab.to, end: !tab.isActiveBelow }, pathname)),
  )
  const panelId = `${id}-panel`
  const tabId = (index: number) => `${id}-tab-${index}`

  function handleKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const last = tabs.length - 1
    // Move from the focused tab: after a quick second key press the route may not have
    // re-rendered yet, so the active tab can lag behind the focus.
    const focused = refs.current.findIndex((element) => element === event.target)
    const from = focused === -1 ? activeIndex : focused
    const targets: Record<string, number> = {
      ArrowRight: from === last ? 0 : from + 1,
      ArrowLeft: from === 0 ? last : from - 1,
      Home: 0,
      End: last,
    }
    const target = targets[event.key]
    const tab = target === undefined ? undefined : tabs[target]
    if (target === undefined || !tab) return
    event.preventDefault()
    refs.current[target]?.focus()
    navigate(tab.to, { preventScrollReset: true })
  }

  return (
    <div className="flex flex-col gap-6">
      <div
        role="tablist"
        aria-label={label}
        onKeyDown={handleKeyDown}
        className="-mx-4 flex gap-0.5 overflow-x-auto border-b border-slate-200 px-4 sm:mx-0 sm:gap-1 sm:px-0"
      >
        {tabs.map((tab, index) => {
          const isActive = index === activeIndex
          const badge = tab.badge && tab.badge.count > 0 ? tab.badge : null
          return (
            <Link
              key={tab.to}
              ref={(element) => {
                refs.current[index] = element
              }}
              to={tab.to}
              preventScrollReset
              role="tab"
              id={tabId(index)}
              aria-selected={isActive}
              // One name, "Members, 2 waiting": spans inside would be read with a gap before the comma.
              aria-label={badge ? `${tab.label}, ${badge.count} ${badge.label}` : undefined}
              aria-controls={isActive ? panelId : undefined}
              tabIndex={isActive ? 0 : -1}
              className={clsx(
                '-mb-px shrink-0 rounded-t-lg border-b-2 px-2.5 py-2.5 text-sm font-semibold whitespace-nowrap transition-colors sm:px-3',
                'focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-brand-600',
                isActive
                  ? 'border-brand-600 text-brand-700'
                  : 'border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900',
              )}
            >
              {tab.label}
              {/* The space keeps "Members 2" apart as visible text, which the name must contain. */}
              {badge ? ' ' : null}
              {badge ? (
                <span
                  aria-hidden
                  className="ml-1 inline-grid min-w-5 place-items-center rounded-full bg-amber-100 px-1.5 text-xs leading-5 font-bold text-amber-900"
                >
                  {badge.count}
                </span>
              ) : null}
            </Link>
          )
        })}
      </div>
      <div id={panelId} role="tabpanel" aria-labelledby={tabId(activeIndex)}>
        {children}
      </div>
    </div>
  )
}
