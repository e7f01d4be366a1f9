import type { Group } from '@loopquiz/contract'
import type { LucideIcon } from 'lucide-react'
import { CalendarDays, Clock, Info, Lock, UserRound, Users } from 'lucide-react'
import type { ReactNode } from 'react'
import { Section } from '../../../components/ui/section'
import { formatDate } from '../../../lib/format'
import { memberCountLabel, privacyLabels } from '../utils/labels'
import { RoleBadge, TagList } from './group-badges'

function Detail({
  icon: Icon,
  term,
  children,
}: {
  icon: LucideIcon
  term: string
  children: ReactNode
}) {
  return (
    // dt and dd sit right in the div (as a definition list requires); the icon hangs in its padding.
    <div className="relative flex min-w-0 flex-col gap-0.5 rounded-xl bg-slate-50 p-3 pl-10 ring-1 ring-slate-100">
      <dt className="text-xs font-semibold tracking-wide text-slate-500 uppercase">
        <Icon aria-hidden className="absolute top-3.5 left-3 size-4 text-brand-600" />
        {term}
      </dt>
      <dd className="text-sm font-medium break-words text-slate-900">{children}</dd>
    </div>
  )
}

/** What the group is: description, tags and its facts. */
export function GroupDetails({ group }: { group: Group }) {
  return (
    <Section id="group-about" title="About this group" icon={Info}>
      {group.description ? (
        <p className="whitespace-pre-line text-slate-700">{group.description}</p>
      ) : (
        <p className="text-slate-500">This group has no description yet.</p>
      )}
      <TagList tags={group.tags} />
      <dl className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <Detail icon={Lock} term="Privacy">
          {privacyLabels[group.privacy].title}
          <span className="block text-xs font-normal text-slate-500">
            {privacyLabels[group.privacy].description}
          </span>
        </Detail>
        <Detail icon={Clock} term="Time zone">
          {group.timezone.replaceAll('_', ' ')}
        </Detail>
        <Detail icon={Users} term="Members">
          {memberCountLabel(group.memberCount)}
        </Detail>
        <Detail icon={UserRound} term="Your role">
          <RoleBadge role={group.myRole} />
        </Detail>
        <Detail icon={CalendarDays} term="Created">
          {formatDate(group.createdAt)}
        </Detail>
      </dl>
    </Section>
  )
}
