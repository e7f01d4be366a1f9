import type { AnswerKeyStatus, ShowAnswersPolicy } from '@loopquiz/contract'
import { describe, expect, it } from 'vitest'
import { answerKeyStatus } from './answer-key.ts'

type Row = [
  policy: ShowAnswersPolicy,
  answered: boolean,
  attemptFinished: boolean,
  inSession: boolean,
  sessionClosed: boolean,
  expected: AnswerKeyStatus,
]

// Written out in full rather than derived, so a wrong rule cannot also write its own expectations.
const table: Row[] = [
  // after_each_answer, alone: an answered question's key at once; a skipped one's never.
  ['after_each_answer', true, false, false, false, 'shown'],
  ['after_each_answer', true, true, false, false, 'shown'],
  ['after_each_answer', false, false, false, false, 'answered_only'],
  ['after_each_answer', false, true, false, false, 'answered_only'],
  // after_each_answer, in a group session: skipped keys only once the session is closed.
  ['after_each_answer', true, false, true, false, 'shown'],
  ['after_each_answer', true, true, true, false, 'shown'],
  ['after_each_answer', false, true, true, false, 'on_session_end'],
  ['after_each_answer', false, true, true, true, 'shown'],
  ['after_each_answer', false, false, true, true, 'answered_only'],
  // after_finishing, alone: right or wrong while taking; every key on finishing.
  ['after_finishing', true, false, false, false, 'on_finish'],
  ['after_finishing', false, false, false, false, 'on_finish'],
  ['after_finishing', true, true, false, false, 'shown'],
  ['after_finishing', false, true, false, false, 'shown'],
  // after_finishing, in a group session: skipped keys wait for the session to close too.
  ['after_finishing', true, false, true, false, 'on_finish'],
  ['after_finishing', true, false, true, true, 'on_finish'],
  ['after_finishing', true, true, true, false, 'shown'],
  ['after_finishing', false, true, true, false, 'on_session_end'],
  ['after_finishing', false, true, true, true, 'shown'],
  // never: no key in any case.
  ['never', true, false, false, false, 'never'],
  ['never', true, true, false, false, 'never'],
  ['never', false, true, false, false, 'never'],
  ['never', true, true, true, true, 'never'],
  ['never', false, true, true, true, 'never'],
]

describe('answerKeyStatus', () => {
  it.each(table)(
    '%s, answered %s, finished %s, in session %s, session closed %s → %s',
    (policy, answered, attemptFinished, inSession, sessionClosed, expected) => {
      expect(answerKeyStatus({ policy, answered, attemptFinished, inSession, sessionClosed })).toBe(
        expected,
      )
    },
  )
})
