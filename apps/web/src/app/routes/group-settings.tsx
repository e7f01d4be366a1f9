import { Navigate, useNavigate } from 'react-router'
import { LoadingPanel } from '../../components/ui/spinner'
import { useFreshGroup } from '../../features/groups/api/get-group'
import { DangerZone } from '../../features/groups/components/danger-zone'
import { GroupBasicsForm } from '../../features/groups/components/group-basics-form'
import { SessionSettingsForm } from '../../features/groups/components/session-settings-form'
import { canOpenSettings } from '../../features/groups/utils/capabilities'
import { useGroupOutlet } from './group'

/** /groups/:groupId/settings — basic info, session permissions, danger zone. */
export function GroupSettingsRoute() {
  const { group, currentUserId } = useGroupOutlet()
  const navigate = useNavigate()
  const fresh = useFreshGroup(group.id)

  // A deep link from someone who may change nothing here lands on the overview instead.
  if (!canOpenSettings(group)) return <Navigate to={`/groups/${group.id}`} replace />
  // The forms start from their values once; wait for the server's, not a stale cache.
  if (fresh.isFetching && !fresh.isFetchedAfterMount) {
    return <LoadingPanel label="Loading settings…" />
  }

  return (
    <div className="flex max-w-3xl flex-col gap-6">
      {group.capabilities.canEditGroup ? <GroupBasicsForm key={group.id} group={group} /> : null}
      {group.capabilities.canEditSettings ? (
        <SessionSettingsForm key={group.id} group={group} />
      ) : null}
      <DangerZone
        group={group}
        currentUserId={currentUserId}
        onDeleted={() => navigate('/groups', { replace: true })}
      />
    </div>
  )
}
