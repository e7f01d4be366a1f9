import { ChevronDown, LayoutDashboard, LogOut, Settings } from 'lucide-react'
import { useEffect, useId, useRef, useState } from 'react'
import { Link, useNavigate } from 'react-router'
import { Button } from '../../../components/ui/button'
import { ErrorAlert } from '../../../components/ui/error-alert'
import type { AuthUser } from '../../../lib/auth-client'
import { initialsOf } from '../../../lib/format'
import { useSignOut } from '../api/sign-out'

/** The account button in the top bar; a disclosure with the user's details and "Sign out". */
export function UserMenu({ user }: { user: AuthUser }) {
  const [isOpen, setIsOpen] = useState(false)
  const menuId = useId()
  const containerRef = useRef<HTMLDivElement>(null)
  const buttonRef = useRef<HTMLButtonElement>(null)
  const navigate = useNavigate()
  const signOut = useSignOut()

  useEffect(() => {
    if (!isOpen) return
    function onPointerDown(event: PointerEvent) {
      if (!containerRef.current?.contains(event.target as Node)) setIsOpen(false)
    }
    function onKeyDown(event: KeyboardEvent) {
      if (event.key === 'Escape') {
        setIsOpen(false)
        buttonRef.current?.focus()
      }
    }
    document.addEventListener('pointerdown', onPointerDown)
    document.addEventListener('keydown', onKeyDown)
    return () => {
      document.removeEventListener('pointerdown', onPointerDown)
      document.removeEventListener('keydown', onKeyDown)
    }
  }, [isOpen])

  return (
    <div ref={containerRef} className="relative">
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={isOpen}
        aria-controls={menuId}
        onClick={() => setIsOpen((open) => !open)}
        className="flex items-center gap-2 rounded-full p-1 pr-2 text-sm font-semibold text-slate-700 transition-colors hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
      >
        <span
          aria-hidden
          className="grid size-8 place-items-center rounded-full bg-linear-to-br from-brand-500 to-fuchsia-500 text-xs font-bold text-white"
        >
          {initialsOf(user.name) || '?'}
        </span>
        {/* The name is the button's name at every width (WCAG 2.5.3); phones show only initials. */}
        <span className="sr-only max-w-32 truncate sm:not-sr-only">{user.name}</span>
        <ChevronDown aria-hidden className="size-4 text-slate-500" />
      </button>
      {isOpen ? (
        <div
          id={menuId}
          className="absolute right-0 z-30 mt-2 w-64 animate-pop motion-reduce:animate-none rounded-2xl bg-white p-2 shadow-xl ring-1 ring-slate-200"
        >
          <div className="border-b border-slate-100 px-3 pt-1 pb-3">
            <p className="truncate font-semibold text-slate-900">{user.name}</p>
            <p className="truncate text-sm text-slate-500">{user.email}</p>
          </div>
          <div className="flex flex-col gap-1 pt-2">
            <Link
              to="/"
              onClick={() => setIsOpen(false)}
              className="flex items-center gap-2 rounded-lg px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-600"
            >
              <LayoutDashboard aria-hidden className="size-4" />
              My dashboard
            </Link>
            <Link
              to="/settings"
              onClick={() => setIsOpen(false)}
              className="flex items-center gap-2 rounded-lg px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-600"
            >
              <Settings aria-hidden className="size-4" />
              Settings
            </Link>
            <Button
              variant="ghost"
              className="justify-start px-3 text-rose-700 hover:bg-rose-50 hover:text-rose-800"
              isLoading={signOut.isPending}
              onClick={() =>
                signOut.mutate(undefined, {
                  onSuccess: () => {
                    setIsOpen(false)
                    navigate('/')
                  },
                })
              }
            >
              {signOut.isPending ? null : <LogOut aria-hidden className="size-4" />}
              Sign out
            </Button>
            {signOut.error ? <ErrorAlert error={signOut.error} className="mt-1" /> : null}
          </div>
        </div>
      ) : null}
    </div>
  )
}
