import { NotificationList } from '../../features/notifications/components/notification-list'

export function NotificationsRoute() {
  return (
    <>
      <title>Notifications · LoopQuiz</title>
      <div className="flex flex-col gap-6">
        <div>
          <h1 className="text-3xl font-extrabold tracking-tight text-slate-900">Notifications</h1>
          <p className="text-slate-600">
            What happened in your groups, newest first. Open one to go where it happened.
          </p>
        </div>
        <NotificationList />
      </div>
    </>
  )
}
