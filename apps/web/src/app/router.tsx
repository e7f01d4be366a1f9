import { createBrowserRouter } from 'react-router'
import { RequireAuth } from '../features/auth/components/require-auth'
import { AppShell } from './layout/app-shell'
import { HomeRoute } from './routes/home'
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
      {
        element: <RequireAuth />,
        children: [{ path: 'loops', element: <LoopsRoute /> }],
      },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
])
