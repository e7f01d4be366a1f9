import type { LucideIcon } from 'lucide-react'
import type { ReactNode } from 'react'
import { Card } from './card'

interface StatusPageProps {
  icon: LucideIcon
  title: string
  children: ReactNode
  actions?: ReactNode
  tone?: 'brand' | 'warning' | 'danger'
}

const iconTones = {
  brand: 'bg-brand-100 text-brand-700',
  warning: 'bg-amber-100 text-amber-700',
  danger: 'bg-rose-100 text-rose-700',
}

/** A friendly full-page message: not found, expired, sign in needed… */
export function StatusPage({
  icon: Icon,
  title,
  children,
  actions,
  tone = 'brand',
}: StatusPageProps) {
  return (
    <div className="mx-auto flex max-w-lg flex-col py-10 sm:py-16">
      <Card className="flex flex-col items-center gap-4 px-6 py-10 text-center sm:px-10">
        <span className={`grid size-14 place-items-center rounded-2xl ${iconTones[tone]}`}>
          <Icon aria-hidden className="size-7" />
        </span>
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">{title}</h1>
        <div className="text-slate-600">{children}</div>
        {actions ? (
          <div className="mt-2 flex flex-wrap items-center justify-center gap-3">{actions}</div>
        ) : null}
      </Card>
    </div>
  )
}
