import { Link } from 'react-router'
import { NotificationList } from '../../features/notifications/components/notification-list'

export function NotificationsRoute() {
  return (
    <>
      <title>Notifications · LoopQuiz</title>
      <div className="flex flex-col gap-6">
        <div>
          <h1 className="text-3xl font-extrabold tracking-tight text-slate-900">Notifications</h1>
          <p className="text-slate-600">
            What happened in your groups, newest first. Open one to go where it happened.{' '}
            <Link
              to="/settings"
              className="font-semibold text-brand-700 underline underline-offset-2 hover:text-brand-800"
            >
              Choose which also come by e-mail
            </Link>
          </p>
        </div>
        <NotificationList />
      </div>
    </>
  )
}
