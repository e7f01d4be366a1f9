import { BellDot } from 'lucide-react'
import { Link } from 'react-router'
import { Section } from '../../../components/ui/section'
import { useUserAttention } from '../api/find-user-attention'
import {
  joinRequestsLabel,
  sessionsToApproveLabel,
  sessionsToApprovePath,
} from '../utils/attention'

const countLink =
  'rounded font-semibold text-brand-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600'

/**
 * On the dashboard, one line per group I run where something waits for me:
 * "Study circle: 2 join requests, 1 session to approve", each count a link to where it is
 * decided. Nothing at all while nothing waits (or the list cannot be read: the groups'
 * own pages still show their counts).
 */
export function UserAttentionList() {
  const attention = useUserAttention()
  const items = attention.data?.items ?? []
  if (items.length === 0) return null

  return (
    <Section
      id="needs-attention"
      title="Needs your attention"
      icon={BellDot}
      description="Requests and sessions in your groups waiting for you to decide"
    >
      <ul className="flex flex-col divide-y divide-slate-100">
        {items.map((item) => (
          <li key={item.groupId} className="py-2.5 text-slate-700 first:pt-0 last:pb-0">
            <Link
              to={`/groups/${item.groupId}`}
              className="rounded font-bold break-words text-slate-900 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
            >
              {item.groupName}
            </Link>
            {': '}
            {item.joinRequests > 0 ? (
              <Link to={`/groups/${item.groupId}/members`} className={countLink}>
                {joinRequestsLabel(item.joinRequests)}
              </Link>
            ) : null}
            {item.joinRequests > 0 && item.sessionsToApprove > 0 ? ', ' : null}
            {item.sessionsToApprove > 0 ? (
              <Link to={sessionsToApprovePath(item.groupId)} className={countLink}>
                {sessionsToApproveLabel(item.sessionsToApprove)}
              </Link>
            ) : null}
          </li>
        ))}
      </ul>
    </Section>
  )
}
