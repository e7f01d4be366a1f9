import type { Group } from '@loopquiz/contract'
import { TriangleAlert } from 'lucide-react'
import { DeleteGroupForm } from './delete-group-form'
import { TransferOwnershipForm } from './transfer-ownership-form'

interface DangerZoneProps {
  group: Group
  currentUserId: string
  onDeleted: () => void
}

/** Settings → danger zone: transfer ownership and delete the group (owner only). */
export function DangerZone({ group, currentUserId, onDeleted }: DangerZoneProps) {
  const { canTransferOwnership, canDeleteGroup } = group.capabilities
  if (!canTransferOwnership && !canDeleteGroup) return null
  return (
    <div className="rounded-2xl bg-white shadow-sm ring-1 shadow-slate-200/50 ring-rose-200">
      <section aria-labelledby="danger-zone-heading" className="flex flex-col gap-5 p-4 sm:p-6">
        <div className="flex items-center gap-3">
          <span className="grid size-9 place-items-center rounded-xl bg-rose-50 text-rose-700">
            <TriangleAlert aria-hidden className="size-5" />
          </span>
          <div>
            <h2
              id="danger-zone-heading"
              className="text-lg font-bold tracking-tight text-slate-900"
            >
              Danger zone
            </h2>
            <p className="text-sm text-slate-500">Changes here are hard or impossible to undo</p>
          </div>
        </div>
        {canTransferOwnership ? (
          <TransferOwnershipForm group={group} currentUserId={currentUserId} />
        ) : null}
        {canTransferOwnership && canDeleteGroup ? <hr className="border-slate-100" /> : null}
        {canDeleteGroup ? <DeleteGroupForm group={group} onDeleted={onDeleted} /> : null}
      </section>
    </div>
  )
}
