import {
  ArrowRight,
  CalendarClock,
  KeyRound,
  Medal,
  Plus,
  Puzzle,
  Radio,
  Share2,
  Users,
} from 'lucide-react'
import { Link } from 'react-router'
import { buttonClassName } from '../../components/ui/button'
import { Section } from '../../components/ui/section'
import { EmailVerificationNotice } from '../../features/auth/components/email-verification-notice'
import { verificationCallbackPath } from '../../features/auth/utils/email-verification'
import { useMyGroups } from '../../features/groups/api/find-my-groups'
import { UserAttentionList } from '../../features/groups/components/user-attention-list'
import { useLoops } from '../../features/loops/api/find-loops'
import { LoopList } from '../../features/loops/components/loop-list'
import { FirstRunChecklist } from '../../features/onboarding/components/first-run-checklist'
import {
  type FirstRunProgress,
  greetingFor,
  isNewAccount,
} from '../../features/onboarding/utils/first-run'
import { useQuestionSets } from '../../features/quizzes/api/find-question-sets'
import { AttemptList } from '../../features/quizzes/components/attempt-list'
import { QuestionSetList } from '../../features/quizzes/components/question-set-list'
import { ShareLoopButton } from '../../features/quizzes/components/share-loop-button'
import { LiveIndicator } from '../../features/sessions/components/live-indicator'
import { UserSessionList } from '../../features/sessions/components/user-session-list'
import { useGroupsSessionsChannel } from '../../hooks/use-group-channel'

const DASHBOARD_PAGE_SIZE = 5

const groupsLink = (
  <Link to="/groups" className={buttonClassName({ variant: 'secondary', size: 'sm' })}>
    <Users aria-hidden className="size-4" />
    Go to my groups
  </Link>
)

/**
 * What the user has made, from the same first pages the lists below show (one request each,
 * shared with them); undefined until all three are known.
 */
function useFirstRunProgress(): FirstRunProgress | undefined {
  const loops = useLoops({ limit: DASHBOARD_PAGE_SIZE })
  const shares = useQuestionSets({ limit: DASHBOARD_PAGE_SIZE })
  const groups = useMyGroups()
  if (!loops.data || !shares.data || !groups.data) return undefined
  return {
    hasLoop: (loops.data.pages[0]?.items.length ?? 0) > 0,
    hasShare: (shares.data.pages[0]?.items.length ?? 0) > 0,
    hasGroup: groups.data.items.length > 0,
  }
}

export interface DashboardUser {
  id: string
  name: string
  email: string
  emailVerified: boolean
  createdAt: Date | string
}

export function Dashboard({ user }: { user: DashboardUser }) {
  const progress = useFirstRunProgress()
  // Sessions of every group of mine start and end here by the groups' pushes.
  const myGroups = useMyGroups()
  const channel = useGroupsSessionsChannel(myGroups.data?.items.map((group) => group.id) ?? [])
  const isNew = isNewAccount(user.createdAt, progress, new Date())
  return (
    <>
      <title>Dashboard · LoopQuiz</title>
      <div className="flex flex-col gap-6 sm:gap-8">
        <EmailVerificationNotice
          user={user}
          callbackURL={verificationCallbackPath('/')}
          remindsUnconfirmed
        />
        <div className="flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
          <div className="flex flex-col gap-1">
            <h1 className="text-3xl font-extrabold tracking-tight break-words text-slate-900 sm:text-4xl">
              {greetingFor(user.name, isNew)}
            </h1>
            <p className="text-slate-600">
              {isNew
                ? 'Make a quiz from a moment of video, share it as a link, and take quizzes together in groups.'
                : 'Your group sessions, your loops, the quizzes you shared, and how you did.'}
            </p>
          </div>
          <div className="flex shrink-0 flex-wrap gap-2 self-start sm:self-auto">
            <Link to="/join" className={buttonClassName({ variant: 'secondary' })}>
              <KeyRound aria-hidden className="size-4" />
              Join with a code
            </Link>
            <Link to="/loops/new" className={buttonClassName()}>
              <Plus aria-hidden className="size-4" />
              Create a quiz
            </Link>
          </div>
        </div>
        {progress ? <FirstRunChecklist progress={progress} userId={user.id} /> : null}
        <UserAttentionList />
        <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
          <Section
            id="active-sessions"
            title="Active sessions"
            icon={Radio}
            description="Open now in your groups"
            action={
              (myGroups.data?.items.length ?? 0) > 0 ? (
                <LiveIndicator status={channel.status} />
              ) : null
            }
          >
            <UserSessionList
              scope="active"
              limit={DASHBOARD_PAGE_SIZE}
              emptyAction={groupsLink}
              isPushed={channel.isConnected}
            />
          </Section>
          <Section
            id="upcoming-sessions"
            title="Upcoming sessions"
            icon={CalendarClock}
            description="Planned in your groups, soonest first"
          >
            <UserSessionList
              scope="upcoming"
              limit={DASHBOARD_PAGE_SIZE}
              isPushed={channel.isConnected}
            />
          </Section>
          <div className="lg:col-span-2">
            <Section
              id="my-loops"
              title="My loops"
              icon={Puzzle}
              description="Moments of video you marked, with their questions"
              action={
                <Link
                  to="/loops"
                  className="inline-flex shrink-0 items-center gap-1 rounded-lg px-2 py-1 text-sm font-semibold text-brand-700 hover:bg-brand-50"
                >
                  All loops
                  <ArrowRight aria-hidden className="size-4" />
                </Link>
              }
            >
              <LoopList
                limit={DASHBOARD_PAGE_SIZE}
                renderActions={(loop) => <ShareLoopButton loop={loop} />}
              />
            </Section>
          </div>
          <Section
            id="shared-quizzes"
            title="Shared quizzes"
            icon={Share2}
            description="Links you shared and how often they were taken"
          >
            <QuestionSetList limit={DASHBOARD_PAGE_SIZE} />
          </Section>
          <Section
            id="recent-results"
            title="Recent results"
            icon={Medal}
            description="Quizzes you took, newest first"
          >
            <AttemptList limit={DASHBOARD_PAGE_SIZE} />
          </Section>
        </div>
      </div>
    </>
  )
}
