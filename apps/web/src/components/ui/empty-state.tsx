import type { LucideIcon } from 'lucide-react'
import type { ReactNode } from 'react'

interface EmptyStateProps {
  icon: LucideIcon
  title: string
  children: ReactNode
  action?: ReactNode
}

/** Says there is nothing here yet, and what to do next. */
export function EmptyState({ icon: Icon, title, children, action }: EmptyStateProps) {
  return (
    <div className="flex flex-col items-center gap-2 rounded-xl border border-dashed border-slate-300 bg-slate-50/60 px-5 py-8 text-center">
      <span className="mb-1 grid size-11 place-items-center rounded-full bg-brand-100 text-brand-700">
        <Icon aria-hidden className="size-5" />
      </span>
      <p className="font-semibold text-slate-800">{title}</p>
      <div className="max-w-sm text-sm text-slate-600">{children}</div>
      {action ? <div className="mt-2">{action}</div> : null}
    </div>
  )
}
