import { Link, Navigate, useNavigate, useSearchParams } from 'react-router'
import { AuthCard } from '../../features/auth/components/auth-card'
import { LoginForm } from '../../features/auth/components/login-form'
import { useCurrentUser } from '../../features/auth/hooks/use-current-user'
import { safeNext } from '../../features/auth/utils/safe-next'

export function LoginRoute() {
  const [searchParams] = useSearchParams()
  const next = safeNext(searchParams.get('next'))
  const navigate = useNavigate()
  const { user, refetch } = useCurrentUser()

  if (user) return <Navigate to={next} replace />

  return (
    <>
      <title>Sign in · LoopQuiz</title>
      <AuthCard
        title="Welcome back"
        subtitle="Sign in to see your loops, shared quizzes and results."
        footer={
          <>
            New to LoopQuiz?{' '}
            <Link
              to={`/signup${next === '/' ? '' : `?next=${encodeURIComponent(next)}`}`}
              className="font-semibold text-brand-700 hover:underline"
            >
              Create an account
            </Link>
          </>
        }
      >
        <LoginForm
          onSignedIn={async () => {
            // Protected pages read the session store; have it hold the new session first.
            await refetch()
            navigate(next, { replace: true })
          }}
        />
      </AuthCard>
    </>
  )
}
