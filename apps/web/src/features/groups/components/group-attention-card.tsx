import type { Group } from '@loopquiz/contract'
import type { LucideIcon } from 'lucide-react'
import { ArrowRight, BellDot, CalendarCheck, UserPlus } from 'lucide-react'
import { Link } from 'react-router'
import { Card } from '../../../components/ui/card'
import {
  joinRequestsLabel,
  pendingCounts,
  sessionsToApproveLabel,
  sessionsToApprovePath,
} from '../utils/attention'

interface ToDo {
  icon: LucideIcon
  text: string
  action: string
  to: string
}

/**
 * "Needs your attention" on a group's overview: join requests and sessions waiting for an
 * owner or admin, each with a link to where it is decided. Nothing when nothing waits.
 */
export function GroupAttentionCard({ group }: { group: Group }) {
  const pending = pendingCounts(group.attention)
  const toDos: ToDo[] = []
  if (pending.joinRequests > 0) {
    toDos.push({
      icon: UserPlus,
      text: `${joinRequestsLabel(pending.joinRequests)} waiting`,
      action: 'Review requests',
      to: `/groups/${group.id}/members`,
    })
  }
  if (pending.sessionsToApprove > 0) {
    toDos.push({
      icon: CalendarCheck,
      text: sessionsToApproveLabel(pending.sessionsToApprove),
      action: 'Review sessions',
      to: sessionsToApprovePath(group.id),
    })
  }
  if (toDos.length === 0) return null

  return (
    <Card className="border-l-4 border-amber-400">
      <section aria-labelledby="attention-heading" className="flex flex-col gap-3 p-4 sm:p-6">
        <div className="flex items-center gap-3">
          <span className="grid size-9 place-items-center rounded-xl bg-amber-50 text-amber-700">
            <BellDot aria-hidden className="size-5" />
          </span>
          <h2 id="attention-heading" className="text-lg font-bold tracking-tight text-slate-900">
            Needs your attention
          </h2>
        </div>
        <ul className="flex flex-col divide-y divide-slate-100">
          {toDos.map(({ icon: Icon, text, action, to }) => (
            <li
              key={to}
              className="flex flex-col gap-2 py-2.5 first:pt-0 last:pb-0 min-[420px]:flex-row min-[420px]:items-center min-[420px]:justify-between"
            >
              <span className="inline-flex items-center gap-2 font-semibold text-slate-800">
                <Icon aria-hidden className="size-4 shrink-0 text-amber-700" />
                {text}
              </span>
              <Link
                to={to}
                className="inline-flex w-fit items-center gap-1 rounded-lg text-sm font-semibold text-brand-700 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
              >
                {action}
                <span className="sr-only">{`: ${text}`}</span>
                <ArrowRight aria-hidden className="size-4" />
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </Card>
  )
}
