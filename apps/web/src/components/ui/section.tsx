import type { LucideIcon } from 'lucide-react'
import type { ReactNode } from 'react'
import { Card } from './card'

interface SectionProps {
  id: string
  title: string
  icon: LucideIcon
  description?: string
  action?: ReactNode
  children: ReactNode
}

/** A titled card on a page; the heading names the region for assistive tech. */
export function Section({ id, title, icon: Icon, description, action, children }: SectionProps) {
  const headingId = `${id}-heading`
  return (
    <Card className="flex flex-col">
      <section aria-labelledby={headingId} className="flex flex-col gap-4 p-4 sm:p-6">
        <div className="flex items-start justify-between gap-3">
          <div className="flex items-center gap-3">
            <span className="grid size-9 place-items-center rounded-xl bg-brand-50 text-brand-700">
              <Icon aria-hidden className="size-5" />
            </span>
            <div>
              <h2 id={headingId} className="text-lg font-bold tracking-tight text-slate-900">
                {title}
              </h2>
              {description ? <p className="text-sm text-slate-500">{description}</p> : null}
            </div>
          </div>
          {action}
        </div>
        {children}
      </section>
    </Card>
  )
}
