import { Navigate } from 'react-router'
import { AuthCard, AuthSwitchLink } from '../../features/auth/components/auth-card'
import { SignupForm } from '../../features/auth/components/signup-form'
import { useAuthRedirect } from '../../features/auth/hooks/use-auth-redirect'
import { verificationCallbackPath } from '../../features/auth/utils/email-verification'

export function SignupRoute() {
  const { user, next, goNext } = useAuthRedirect()

  if (user) return <Navigate to={next} replace />

  return (
    <>
      <title>Create your account · LoopQuiz</title>
      <AuthCard
        title="Create your account"
        subtitle="Free forever. Turn any moment of video into a quiz."
        footer={
          <AuthSwitchLink prompt="Already have an account?" to="/login" next={next}>
            Sign in to your account
          </AuthSwitchLink>
        }
      >
        <SignupForm onSignedUp={goNext} confirmationCallbackURL={verificationCallbackPath(next)} />
      </AuthCard>
    </>
  )
}
