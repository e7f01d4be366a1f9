import type { GroupPrivacy, GroupRole } from '@loopquiz/contract'
import { Crown, Globe, Lock, ShieldCheck, User } from 'lucide-react'
import { Badge } from '../../../components/ui/badge'
import { privacyLabels, roleLabels } from '../utils/labels'

const roleIcons = { owner: Crown, admin: ShieldCheck, member: User }
const roleTones = { owner: 'brand', admin: 'success', member: 'neutral' } as const

export function RoleBadge({ role }: { role: GroupRole }) {
  const Icon = roleIcons[role]
  return (
    <Badge tone={roleTones[role]}>
      <Icon aria-hidden className="size-3" />
      {roleLabels[role]}
    </Badge>
  )
}

export function PrivacyBadge({ privacy }: { privacy: GroupPrivacy }) {
  const Icon = privacy === 'public' ? Globe : Lock
  return (
    <Badge tone={privacy === 'public' ? 'warning' : 'neutral'}>
      <Icon aria-hidden className="size-3" />
      {privacyLabels[privacy].title}
    </Badge>
  )
}

export function TagList({ tags }: { tags: string[] }) {
  if (tags.length === 0) return null
  return (
    <ul aria-label="Tags" className="flex flex-wrap gap-1.5">
      {tags.map((tag) => (
        <li
          key={tag}
          className="rounded-md bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-600"
        >
          #{tag}
        </li>
      ))}
    </ul>
  )
}
