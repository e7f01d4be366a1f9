import { CheckCheck } from 'lucide-react'
import { Button } from '../../../components/ui/button'
import { ErrorAlert } from '../../../components/ui/error-alert'
import { useMarkAllNotificationsRead } from '../api/mark-all-notifications-read'

/** "Mark all read"; off while nothing is unread. */
export function MarkAllReadButton({ unreadCount }: { unreadCount: number }) {
  const markAll = useMarkAllNotificationsRead()
  return (
    <div className="flex flex-col items-end gap-2">
      <Button
        variant="ghost"
        size="sm"
        disabled={unreadCount === 0}
        isLoading={markAll.isPending}
        onClick={() => markAll.mutate()}
      >
        {markAll.isPending ? null : <CheckCheck aria-hidden className="size-4" />}
        Mark all read
      </Button>
      {markAll.error ? <ErrorAlert error={markAll.error} /> : null}
    </div>
  )
}
