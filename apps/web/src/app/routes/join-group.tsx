import { useNavigate, useParams } from 'react-router'
import { JoinGroupPanel } from '../../features/groups/components/join-group-panel'

/** /groups/join/:code — behind sign-in, so the preview knows whether you are a member. */
export function JoinGroupRoute() {
  const { code = '' } = useParams()
  const navigate = useNavigate()
  return (
    <div className="mx-auto flex w-full max-w-2xl flex-col gap-6 sm:py-6">
      <JoinGroupPanel
        key={code}
        code={code}
        onJoined={(groupId) => navigate(`/groups/${groupId}`, { replace: true })}
      />
    </div>
  )
}
