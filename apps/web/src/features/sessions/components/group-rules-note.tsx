import type { Group } from '@loopquiz/contract'
import { ShieldCheck } from 'lucide-react'
import { zoneLabel } from '../../../lib/zoned-time'
import { describeScheduleRules } from '../utils/group-rules'

/** The group's scheduling rules, shown before someone picks a time that breaks them. */
export function GroupRulesNote({ group }: { group: Group }) {
  const rules = describeScheduleRules(group.settings)
  const needsApproval = group.settings.session_approval_required && group.myRole === 'member'
  return (
    <section
      aria-label="Group rules"
      className="flex gap-3 rounded-xl bg-slate-50 p-3 text-sm text-slate-700 ring-1 ring-slate-200"
    >
      <ShieldCheck aria-hidden className="mt-0.5 size-4 shrink-0 text-brand-600" />
      <div className="flex min-w-0 flex-col gap-1">
        <p className="font-semibold text-slate-900">Group rules</p>
        <ul className="flex flex-col gap-0.5">
          <li>{rules.notice}.</li>
          <li>
            {rules.slots.length === 0 ? (
              'Any day, any time.'
            ) : (
              <>
                Allowed times ({zoneLabel(group.timezone)}): {rules.slots.join('; ')}.
              </>
            )}
          </li>
          {needsApproval ? <li>An owner or admin approves sessions you schedule.</li> : null}
        </ul>
      </div>
    </section>
  )
}
