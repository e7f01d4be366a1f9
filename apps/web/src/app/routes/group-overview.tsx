import { GroupDetails } from '../../features/groups/components/group-details'
import { JoinLinkPanel } from '../../features/groups/components/join-link-panel'
import { useGroupOutlet } from './group'

/** /groups/:groupId — about the group, and the invite link for those who may share it. */
export function GroupOverviewRoute() {
  const { group } = useGroupOutlet()
  const joinCode = group.capabilities.canManageJoinCode ? group.joinCode : null
  return (
    <div className="grid grid-cols-1 items-start gap-6 lg:grid-cols-5">
      <div className={joinCode ? 'lg:col-span-3' : 'lg:col-span-5'}>
        <GroupDetails group={group} />
      </div>
      {joinCode ? (
        <div className="lg:col-span-2">
          <JoinLinkPanel group={group} joinCode={joinCode} />
        </div>
      ) : null}
    </div>
  )
}
