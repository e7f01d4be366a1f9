import { KeyRound, Plus } from 'lucide-react'
import { useState } from 'react'
import { useNavigate } from 'react-router'
import { Button } from '../../components/ui/button'
import { Section } from '../../components/ui/section'
import { CreateGroupDialog } from '../../features/groups/components/create-group-dialog'
import { GroupList } from '../../features/groups/components/group-list'
import { JoinCodeForm } from '../../features/groups/components/join-code-form'
import { MyJoinRequests } from '../../features/groups/components/my-join-requests'

/** /groups — my groups, my requests to join that still wait, "Create group" and "Join with a code". */
export function GroupsRoute() {
  const navigate = useNavigate()
  const [isCreating, setIsCreating] = useState(false)

  return (
    <>
      <title>Groups · LoopQuiz</title>
      <div className="flex flex-col gap-6">
        <div className="flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
          <div>
            <h1 className="text-3xl font-extrabold tracking-tight text-slate-900">Groups</h1>
            <p className="text-slate-600">
              Your classes, study circles and teams: run quiz sessions together.
            </p>
          </div>
          <Button onClick={() => setIsCreating(true)} className="self-start sm:self-auto">
            <Plus aria-hidden className="size-4" />
            Create group
          </Button>
        </div>
        <MyJoinRequests />
        <Section
          id="join-with-code"
          title="Join with a code"
          icon={KeyRound}
          description="Got a code or a join link from someone? Enter it here."
        >
          <JoinCodeForm />
        </Section>
        <GroupList
          emptyAction={
            <Button variant="secondary" onClick={() => setIsCreating(true)}>
              <Plus aria-hidden className="size-4" />
              Create your first group
            </Button>
          }
        />
      </div>
      <CreateGroupDialog
        isOpen={isCreating}
        onClose={() => setIsCreating(false)}
        onCreated={(group) => navigate(`/groups/${group.id}`)}
      />
    </>
  )
}
