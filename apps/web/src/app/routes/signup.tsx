import { Link, Navigate, useNavigate, useSearchParams } from 'react-router'
import { AuthCard } from '../../features/auth/components/auth-card'
import { SignupForm } from '../../features/auth/components/signup-form'
import { useCurrentUser } from '../../features/auth/hooks/use-current-user'
import { safeNext } from '../../features/auth/utils/safe-next'

export function SignupRoute() {
  const [searchParams] = useSearchParams()
  const next = safeNext(searchParams.get('next'))
  const navigate = useNavigate()
  const { user, refetch } = useCurrentUser()

  if (user) return <Navigate to={next} replace />

  return (
    <>
      <title>Create your account · LoopQuiz</title>
      <AuthCard
        title="Create your account"
        subtitle="Free forever. Turn any moment of video into a quiz."
        footer={
          <>
            Already have an account?{' '}
            <Link
              to={`/login${next === '/' ? '' : `?next=${encodeURIComponent(next)}`}`}
              className="font-semibold text-brand-700 hover:underline"
            >
              Sign in to your account
            </Link>
          </>
        }
      >
        <SignupForm
          onSignedUp={async () => {
            await refetch()
            navigate(next, { replace: true })
          }}
        />
      </AuthCard>
    </>
  )
}
