import { AuthCard, AuthSwitchLink } from '../../features/auth/components/auth-card'
import { ForgotPasswordForm } from '../../features/auth/components/forgot-password-form'

/** /forgot-password — open to everyone: mails a link to set a new password. */
export function ForgotPasswordRoute() {
  return (
    <>
      <title>Forgot your password? · LoopQuiz</title>
      <AuthCard
        title="Forgot your password?"
        subtitle="Enter the address you sign in with. We’ll mail you a link to choose a new one."
        footer={
          <AuthSwitchLink prompt="Remembered it?" to="/login" next="/">
            Sign in
          </AuthSwitchLink>
        }
      >
        <ForgotPasswordForm />
      </AuthCard>
    </>
  )
}
