import {
  createBrowserRouter,
  type LoaderFunctionArgs,
  matchRoutes,
  type RouteObject,
} from 'react-router'
import { LoadingPanel } from '../components/ui/spinner'
import { RequireAuth } from '../features/auth/components/require-auth'
import { getQuestionSetQueryOptions } from '../features/quizzes/api/get-question-set'
import { queryClient } from '../lib/query-client'
import { AppShell } from './layout/app-shell'
import { NotFoundRoute } from './routes/not-found'
import { RouteError } from './routes/route-error'

// Every page is its own chunk, fetched when first visited: a guest opening a quiz link
// downloads the quiz player and nothing of groups, sessions or the dashboard. The shell,
// the error and not-found pages and the libraries every page uses stay in the entry chunks.

/**
 * Starts loading the question set while the quiz page's code downloads, rather than after
 * it; the page reads it from the query cache. Returns at once, so it never holds the page.
 */
function prefetchQuestionSet({ params, request }: LoaderFunctionArgs) {
  // A quiz inside a group session loads through the session instead.
  if (params.token && !new URL(request.url).searchParams.has('sessionId')) {
    void queryClient.prefetchQuery(getQuestionSetQueryOptions(params.token))
  }
  return null
}

const routes: RouteObject[] = [
  {
    // The projector view fills the screen: no top bar, no footer.
    path: 'groups/:groupId/sessions/:sessionId/present',
    errorElement: <RouteError />,
    hydrateFallbackElement: <LoadingPanel />,
    element: <RequireAuth />,
    children: [
      {
        index: true,
        lazy: () =>
          import('./routes/group-session-present').then((m) => ({
            Component: m.GroupSessionPresentRoute,
          })),
      },
    ],
  },
  {
    element: <AppShell />,
    errorElement: <RouteError />,
    children: [
      {
        // While the first page's code loads, the header is already up with this below it.
        hydrateFallbackElement: <LoadingPanel />,
        children: [
          {
            index: true,
            lazy: () => import('./routes/home').then((m) => ({ Component: m.HomeRoute })),
          },
          {
            path: 'login',
            lazy: () => import('./routes/login').then((m) => ({ Component: m.LoginRoute })),
          },
          {
            path: 'signup',
            lazy: () => import('./routes/signup').then((m) => ({ Component: m.SignupRoute })),
          },
          {
            path: 'forgot-password',
            lazy: () =>
              import('./routes/forgot-password').then((m) => ({
                Component: m.ForgotPasswordRoute,
              })),
          },
          {
            path: 'reset-password',
            lazy: () =>
              import('./routes/reset-password').then((m) => ({
                Component: m.ResetPasswordRoute,
              })),
          },
          {
            path: 'questions/:token',
            loader: prefetchQuestionSet,
            lazy: () => import('./routes/quiz').then((m) => ({ Component: m.QuizRoute })),
          },
          {
            path: 'invitations/:token',
            lazy: () =>
              import('./routes/invitation').then((m) => ({ Component: m.InvitationRoute })),
          },
          {
            path: 'unsubscribe',
            lazy: () =>
              import('./routes/unsubscribe').then((m) => ({ Component: m.UnsubscribeRoute })),
          },
          {
            element: <RequireAuth />,
            children: [
              {
                path: 'loops',
                lazy: () => import('./routes/loops').then((m) => ({ Component: m.LoopsRoute })),
              },
              {
                path: 'loops/new',
                lazy: () =>
                  import('./routes/loop-editor').then((m) => ({ Component: m.LoopEditorRoute })),
              },
              {
                path: 'loops/:loopId',
                lazy: () =>
                  import('./routes/loop-editor').then((m) => ({ Component: m.LoopEditorRoute })),
              },
              {
                path: 'shares/:token',
                lazy: () => import('./routes/share').then((m) => ({ Component: m.ShareRoute })),
              },
              {
                path: 'settings',
                lazy: () =>
                  import('./routes/settings').then((m) => ({ Component: m.SettingsRoute })),
              },
              {
                path: 'notifications',
                lazy: () =>
                  import('./routes/notifications').then((m) => ({
                    Component: m.NotificationsRoute,
                  })),
              },
              {
                path: 'groups',
                lazy: () => import('./routes/groups').then((m) => ({ Component: m.GroupsRoute })),
              },
              {
                path: 'join/:code?',
                lazy: () =>
                  import('./routes/join-code').then((m) => ({ Component: m.JoinCodeRoute })),
              },
              {
                path: 'groups/join/:code',
                lazy: () =>
                  import('./routes/join-group').then((m) => ({ Component: m.JoinGroupRoute })),
              },
              {
                path: 'groups/:groupId',
                lazy: () => import('./routes/group').then((m) => ({ Component: m.GroupRoute })),
                children: [
                  {
                    index: true,
                    lazy: () =>
                      import('./routes/group-overview').then((m) => ({
                        Component: m.GroupOverviewRoute,
                      })),
                  },
                  {
                    path: 'sessions',
                    lazy: () =>
                      import('./routes/group-sessions').then((m) => ({
                        Component: m.GroupSessionsRoute,
                      })),
                  },
                  {
                    path: 'sessions/:sessionId',
                    lazy: () =>
                      import('./routes/group-session').then((m) => ({
                        Component: m.GroupSessionRoute,
                      })),
                  },
                  {
                    path: 'sessions/:sessionId/host',
                    lazy: () =>
                      import('./routes/group-session-host').then((m) => ({
                        Component: m.GroupSessionHostRoute,
                      })),
                  },
                  {
                    path: 'members',
                    lazy: () =>
                      import('./routes/group-members').then((m) => ({
                        Component: m.GroupMembersRoute,
                      })),
                  },
                  {
                    path: 'settings',
                    lazy: () =>
                      import('./routes/group-settings').then((m) => ({
                        Component: m.GroupSettingsRoute,
                      })),
                  },
                ],
              },
            ],
          },
          { path: '*', element: <NotFoundRoute /> },
        ],
      },
    ],
  },
]

/**
 * The router, once the code of the page at the current address is in (the server names its
 * chunks in the page, so it is usually already downloading). The first render is then the
 * page itself rather than a loading panel in its place, so a page the server sent already
 * drawn (the guest's landing page) is not replaced by a spinner and then drawn again.
 */
export async function createRouter() {
  const matches = matchRoutes(routes, window.location) ?? []
  await Promise.all(
    matches.map(async ({ route }) => {
      if (typeof route.lazy !== 'function') return
      try {
        Object.assign(route, { ...(await route.lazy()), lazy: undefined })
      } catch {
        // The router loads it again itself and shows its error page if that fails too.
      }
    }),
  )
  return createBrowserRouter(routes)
}
