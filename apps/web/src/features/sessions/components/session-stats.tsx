import type { LucideIcon } from 'lucide-react'
import { CalendarCheck2, CalendarClock, Target, UsersRound } from 'lucide-react'
import { Button } from '../../../components/ui/button'
import { Card } from '../../../components/ui/card'
import { ErrorAlert } from '../../../components/ui/error-alert'
import { Skeleton } from '../../../components/ui/skeleton'
import { useSessionStats } from '../api/get-session-stats'

function StatCard({
  icon: Icon,
  label,
  value,
  hint,
  rate,
}: {
  icon: LucideIcon
  label: string
  value: string
  hint: string
  /** 0–1, drawn as a bar under the value */
  rate?: number | null
}) {
  return (
    <Card className="flex flex-col gap-2 p-4">
      <dt className="flex items-center gap-2 text-sm font-semibold text-slate-600">
        <span className="hidden size-7 shrink-0 place-items-center rounded-lg bg-brand-50 text-brand-700 sm:grid">
          <Icon aria-hidden className="size-4" />
        </span>
        {label}
      </dt>
      <dd className="flex flex-col gap-1.5">
        <span className="text-3xl font-extrabold tracking-tight text-slate-900 tabular-nums">
          {value}
        </span>
        {rate !== undefined ? (
          <span aria-hidden className="h-1.5 w-full overflow-hidden rounded-full bg-slate-100">
            <span
              className="block h-full rounded-full bg-linear-to-r from-brand-500 to-fuchsia-500"
              style={{ width: `${Math.round((rate ?? 0) * 100)}%` }}
            />
          </span>
        ) : null}
        <span className="text-xs text-slate-500">{hint}</span>
      </dd>
    </Card>
  )
}

const percentOf = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 100)}%`)

/** Four numbers about the group's sessions: held, upcoming, participation and average score. */
export function SessionStats({ groupId }: { groupId: string }) {
  const stats = useSessionStats(groupId)

  if (stats.isPending) {
    return (
      <div aria-busy="true" className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        <span className="sr-only">Loading statistics…</span>
        {[0, 1, 2, 3].map((key) => (
          <Skeleton key={key} className="h-28 rounded-2xl" />
        ))}
      </div>
    )
  }
  if (stats.isError) {
    return (
      <ErrorAlert
        error={stats.error}
        action={
          <Button variant="secondary" size="sm" onClick={() => stats.refetch()}>
            Try again
          </Button>
        }
      />
    )
  }

  const { held, upcoming, participationRate, averageScoreRate } = stats.data
  return (
    <dl aria-label="Session statistics" className="grid grid-cols-2 gap-3 lg:grid-cols-4">
      <StatCard
        icon={CalendarCheck2}
        label="Sessions held"
        value={String(held)}
        hint="Completed so far"
      />
      <StatCard
        icon={CalendarClock}
        label="Upcoming"
        value={String(upcoming)}
        hint="Scheduled or awaiting approval"
      />
      <StatCard
        icon={UsersRound}
        label="Participation"
        value={percentOf(participationRate)}
        rate={participationRate}
        hint="Members who took part, per session"
      />
      <StatCard
        icon={Target}
        label="Average score"
        value={percentOf(averageScoreRate)}
        rate={averageScoreRate}
        hint="Of the points available"
      />
    </dl>
  )
}
