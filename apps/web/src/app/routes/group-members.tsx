import { MailPlus } from 'lucide-react'
import { useNavigate } from 'react-router'
import { Section } from '../../components/ui/section'
import { InvitationList } from '../../features/groups/components/invitation-list'
import { InviteForm } from '../../features/groups/components/invite-form'
import { JoinRequestList } from '../../features/groups/components/join-request-list'
import { LeaveGroupButton } from '../../features/groups/components/leave-group-button'
import { MemberList } from '../../features/groups/components/member-list'
import { useGroupOutlet } from './group'

/** /groups/:groupId/members — members, requests to join, invitations, leaving. */
export function GroupMembersRoute() {
  const { group, currentUserId } = useGroupOutlet()
  const navigate = useNavigate()
  const { canReviewJoinRequests, canInviteMembers, canLeave } = group.capabilities

  return (
    <div className="flex flex-col gap-6">
      {canReviewJoinRequests ? <JoinRequestList group={group} /> : null}
      <div className="grid grid-cols-1 items-start gap-6 lg:grid-cols-5">
        <div
          className={`flex flex-col gap-4 ${canInviteMembers ? 'lg:col-span-3' : 'lg:col-span-5'}`}
        >
          <MemberList group={group} currentUserId={currentUserId} />
          {canLeave ? (
            <div className="flex justify-end">
              <LeaveGroupButton
                group={group}
                onLeft={() => navigate('/groups', { replace: true })}
              />
            </div>
          ) : null}
        </div>
        {canInviteMembers ? (
          <div className="lg:col-span-2">
            <Section
              id="invite"
              title="Invite people"
              icon={MailPlus}
              description="Create an invitation link for someone’s email address"
            >
              <InviteForm group={group} />
              <hr className="border-slate-100" />
              <InvitationList group={group} />
            </Section>
          </div>
        ) : null}
      </div>
    </div>
  )
}
