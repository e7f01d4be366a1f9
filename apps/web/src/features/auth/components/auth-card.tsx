import type { ReactNode } from 'react'
import { Link } from 'react-router'
import { Card } from '../../../components/ui/card'

interface AuthCardProps {
  title: string
  subtitle: string
  children: ReactNode
  footer: ReactNode
}

export function AuthCard({ title, subtitle, children, footer }: AuthCardProps) {
  return (
    <div className="mx-auto flex w-full max-w-md flex-col gap-6 py-8 sm:py-14">
      <div className="text-center">
        <h1 className="text-3xl font-extrabold tracking-tight text-slate-900">{title}</h1>
        <p className="mt-2 text-slate-600">{subtitle}</p>
      </div>
      <Card className="p-6 sm:p-8">{children}</Card>
      <p className="text-center text-sm text-slate-600">{footer}</p>
    </div>
  )
}

interface AuthSwitchLinkProps {
  prompt: string
  to: '/login' | '/signup'
  /** Passed on so switching between sign in and sign up still ends where the visitor was headed. */
  next: string
  children: ReactNode
}

/** The footer's "go to the other form instead" line. */
export function AuthSwitchLink({ prompt, to, next, children }: AuthSwitchLinkProps) {
  return (
    <>
      {prompt}{' '}
      <Link
        to={`${to}${next === '/' ? '' : `?next=${encodeURIComponent(next)}`}`}
        className="font-semibold text-brand-700 hover:underline"
      >
        {children}
      </Link>
    </>
  )
}
