import type { NotificationType } from '@loopquiz/contract'

interface TypeWords {
  /** What the settings row is called: "Session moved". */
  label: string
  /** When it comes, in a few words. */
  hint: string
  /** What it is about, to finish "You won't get e-mails about …". */
  about: string
}

export const notificationTypeWords: Record<NotificationType, TypeWords> = {
  session_scheduled: {
    label: 'Session scheduled',
    hint: 'A new session in one of your groups',
    about: 'new sessions in your groups',
  },
  session_rescheduled: {
    label: 'Session moved',
    hint: 'A session’s time changed',
    about: 'sessions being moved',
  },
  session_cancelled: {
    label: 'Session cancelled',
    hint: 'A planned session will not happen',
    about: 'cancelled sessions',
  },
  session_starting_soon: {
    label: 'Starting soon',
    hint: 'Shortly before a session begins',
    about: 'sessions about to start',
  },
  session_started: {
    label: 'Session started',
    hint: 'A session is open to take now',
    about: 'sessions that have started',
  },
  results_ready: {
    label: 'Results in',
    hint: 'A session you took part in has its results',
    about: 'session results',
  },
  approval_needed: {
    label: 'Session waiting for approval',
    hint: 'A member asks to hold a session in a group you run',
    about: 'sessions waiting for your approval',
  },
  approval_decided: {
    label: 'Decision on your session',
    hint: 'Your session was approved or not',
    about: 'decisions on your sessions',
  },
  join_request: {
    label: 'Join request',
    hint: 'Someone asks to join a group you run',
    about: 'requests to join your groups',
  },
  join_request_decided: {
    label: 'Decision on your request',
    hint: 'Whether you were let into a group',
    about: 'decisions on your requests to join',
  },
  invitation: {
    label: 'Invitation to a group',
    hint: 'Someone invites your e-mail address to a group',
    about: 'invitations to groups',
  },
}

/** The types as /settings lists them, under a heading each; every type once. */
export const preferenceGroups: { title: string; types: NotificationType[] }[] = [
  {
    title: 'Sessions',
    types: [
      'session_scheduled',
      'session_rescheduled',
      'session_cancelled',
      'session_starting_soon',
      'session_started',
      'results_ready',
    ],
  },
  {
    title: 'Decisions',
    types: ['approval_needed', 'approval_decided', 'join_request', 'join_request_decided'],
  },
  { title: 'Invitations', types: ['invitation'] },
]
