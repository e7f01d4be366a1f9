import { useSearchParams } from 'react-router'
import { AuthCard, AuthSwitchLink } from '../../features/auth/components/auth-card'
import { ExpiredResetLink } from '../../features/auth/components/expired-reset-link'
import { ResetPasswordForm } from '../../features/auth/components/reset-password-form'
import { resetLinkOf } from '../../features/auth/utils/password-reset'

/** /reset-password?token=… — where the mailed reset link lands; open to everyone. */
export function ResetPasswordRoute() {
  const [searchParams] = useSearchParams()
  const link = resetLinkOf(searchParams)
  return (
    <>
      <title>Choose a new password · LoopQuiz</title>
      <AuthCard
        title="Choose a new password"
        subtitle="For your LoopQuiz account, from the link we mailed you."
        footer={
          <AuthSwitchLink prompt="Remembered it?" to="/login" next="/">
            Sign in
          </AuthSwitchLink>
        }
      >
        {link.isValid ? (
          <ResetPasswordForm key={link.token} token={link.token} />
        ) : (
          <ExpiredResetLink isNews={false} />
        )}
      </AuthCard>
    </>
  )
}
