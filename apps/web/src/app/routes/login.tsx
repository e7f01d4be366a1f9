import { Navigate } from 'react-router'
import { AuthCard, AuthSwitchLink } from '../../features/auth/components/auth-card'
import { LoginForm } from '../../features/auth/components/login-form'
import { useAuthRedirect } from '../../features/auth/hooks/use-auth-redirect'

export function LoginRoute() {
  const { user, next, goNext } = useAuthRedirect()

  if (user) return <Navigate to={next} replace />

  return (
    <>
      <title>Sign in · LoopQuiz</title>
      <AuthCard
        title="Welcome back"
        subtitle="Sign in to see your loops, shared quizzes and results."
        footer={
          <AuthSwitchLink prompt="New to LoopQuiz?" to="/signup" next={next}>
            Create an account
          </AuthSwitchLink>
        }
      >
        <LoginForm onSignedIn={goNext} />
      </AuthCard>
    </>
  )
}
