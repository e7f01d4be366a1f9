import type { SessionStatus } from '@loopquiz/contract'
import { describe, expect, it } from 'vitest'
import { sessionNotifications } from './notification-rules.ts'
import type { SessionChange } from './session-state.ts'

const facts = (status: SessionStatus, wasAnnounced = true, byPerson = true) => ({
  status,
  wasAnnounced,
  byPerson,
})

describe('sessionNotifications', () => {
  it.each<[string, SessionChange, ReturnType<typeof facts>, string[]]>([
    [
      'a scheduled session is news to members',
      'create',
      facts('scheduled'),
      ['session_scheduled→members'],
    ],
    [
      'a request is news to deciders only',
      'create',
      facts('pending_approval'),
      ['approval_needed→deciders'],
    ],
    [
      'an instant session has started for members',
      'create',
      facts('active'),
      ['session_started→members'],
    ],
    ['a series growing by itself tells nobody', 'create', facts('scheduled', true, false), []],
    [
      'an approval tells the creator and announces the session',
      'approve',
      facts('scheduled'),
      ['approval_decided(approved)→creator', 'session_scheduled→members'],
    ],
    [
      'a rejection tells the creator only',
      'reject',
      facts('cancelled'),
      ['approval_decided(rejected)→creator'],
    ],
    [
      'an expired request tells the creator',
      'expire',
      facts('cancelled'),
      ['approval_decided(expired)→creator'],
    ],
    [
      'a change sent back for approval asks the deciders',
      'resubmit',
      facts('pending_approval'),
      ['approval_needed→deciders'],
    ],
    [
      'moving an announced session tells members',
      'reschedule',
      facts('scheduled'),
      ['session_rescheduled→members'],
    ],
    ['moving a request tells nobody', 'reschedule', facts('pending_approval', false), []],
    [
      'cancelling an announced session tells members',
      'cancel',
      facts('cancelled'),
      ['session_cancelled→members'],
    ],
    ['withdrawing a request tells nobody', 'cancel', facts('cancelled', false), []],
    ['a start tells members', 'start', facts('active'), ['session_started→members']],
    [
      'a reminder goes out for a session still scheduled',
      'remind',
      facts('scheduled'),
      ['session_starting_soon→members'],
    ],
    ['no reminder for one that started early', 'remind', facts('active'), []],
    [
      'an end tells those who took part',
      'complete',
      facts('completed'),
      ['results_ready→participants'],
    ],
    ['more time is no news', 'extend', facts('active'), []],
    ['a late window is no news', 'late_window', facts('completed'), []],
  ])('%s', (_, change, session, expected) => {
    const plans = sessionNotifications(change, session).map(
      (plan) => `${plan.type}${plan.outcome ? `(${plan.outcome})` : ''}→${plan.audience}`,
    )
    expect(plans).toEqual(expected)
  })
})
