import { useNavigate } from 'react-router'
import { DeleteAccountSection } from '../../features/account/components/delete-account-section'
import { PasswordForm } from '../../features/account/components/password-form'
import { ProfileForm } from '../../features/account/components/profile-form'
import { SessionsSection } from '../../features/account/components/sessions-section'
import { useCurrentUser } from '../../features/auth/hooks/use-current-user'
import { CalendarFeedSection } from '../../features/calendar/components/calendar-feed-section'
import { NotificationPreferencesSection } from '../../features/notifications/components/notification-preferences-section'

/**
 * /settings — the signed-in user's profile, notifications, password, sessions and account; one
 * section each.
 */
export function SettingsRoute() {
  const { user, refetch } = useCurrentUser()
  const navigate = useNavigate()
  // RequireAuth renders this page only for a signed-in user, and takes over once they are not.
  if (!user) return null

  /** The session is gone on the server; the header and the guards learn it before the move. */
  async function leave(to: string) {
    await refetch()
    navigate(to, { replace: true })
  }

  return (
    <>
      <title>Settings · LoopQuiz</title>
      <div className="flex max-w-3xl flex-col gap-6">
        <div>
          <h1 className="text-3xl font-extrabold tracking-tight text-slate-900">Settings</h1>
          <p className="text-slate-600">Your profile, notifications, password and account.</p>
        </div>
        <ProfileForm key={user.id} user={user} />
        <NotificationPreferencesSection />
        <CalendarFeedSection />
        <PasswordForm />
        <SessionsSection onSignedOut={() => leave('/login')} />
        <DeleteAccountSection onDeleted={() => leave('/')} />
      </div>
    </>
  )
}
