import { CalendarPlus } from 'lucide-react'
import { buttonClassName } from '../../../components/ui/button'
import { sessionCalendarPath } from '../utils/session-calendar-file'

interface AddToCalendarLinkProps {
  groupId: string
  sessionId: string
}

/** Downloads the session as an .ics file, which every calendar app opens to add it. */
export function AddToCalendarLink({ groupId, sessionId }: AddToCalendarLinkProps) {
  return (
    <a
      href={sessionCalendarPath(groupId, sessionId)}
      download
      className={buttonClassName({ variant: 'secondary', size: 'sm' })}
    >
      <CalendarPlus aria-hidden className="size-4" />
      Add to calendar
    </a>
  )
}
