import { createBrowserRouter } from 'react-router'
import { RequireAuth } from '../features/auth/components/require-auth'
import { AppShell } from './layout/app-shell'
import { GroupRoute } from './routes/group'
import { GroupMembersRoute } from './routes/group-members'
import { GroupOverviewRoute } from './routes/group-overview'
import { GroupSessionRoute } from './routes/group-session'
import { GroupSessionsRoute } from './routes/group-sessions'
import { GroupSettingsRoute } from './routes/group-settings'
import { GroupsRoute } from './routes/groups'
import { HomeRoute } from './routes/home'
import { InvitationRoute } from './routes/invitation'
import { JoinGroupRoute } from './routes/join-group'
import { LoginRoute } from './routes/login'
import { LoopsRoute } from './routes/loops'
import { NotFoundRoute } from './routes/not-found'
import { QuizRoute } from './routes/quiz'
import { RouteError } from './routes/route-error'
import { SignupRoute } from './routes/signup'

export const router = createBrowserRouter([
  {
    element: <AppShell />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <HomeRoute /> },
      { path: 'login', element: <LoginRoute /> },
      { path: 'signup', element: <SignupRoute /> },
      { path: 'questions/:token', element: <QuizRoute /> },
      { path: 'invitations/:token', element: <InvitationRoute /> },
      {
        element: <RequireAuth />,
        children: [
          { path: 'loops', element: <LoopsRoute /> },
          { path: 'groups', element: <GroupsRoute /> },
          { path: 'groups/join/:code', element: <JoinGroupRoute /> },
          {
            path: 'groups/:groupId',
            element: <GroupRoute />,
            children: [
              { index: true, element: <GroupOverviewRoute /> },
              { path: 'sessions', element: <GroupSessionsRoute /> },
              { path: 'sessions/:sessionId', element: <GroupSessionRoute /> },
              { path: 'members', element: <GroupMembersRoute /> },
              { path: 'settings', element: <GroupSettingsRoute /> },
            ],
          },
        ],
      },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
])
