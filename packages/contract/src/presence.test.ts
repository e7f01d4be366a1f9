import { describe, expect, it } from 'vitest'
import type { PresenceEntry } from './events.ts'
import { applyPresence, applyProgress } from './presence.ts'

const ben: PresenceEntry = {
  userId: 'ben',
  name: 'Ben',
  online: false,
  joined: true,
  answeredCount: 1,
  score: 1,
  finished: false,
}

describe('applyPresence', () => {
  it('marks a known participant online or offline, keeping their progress', () => {
    const [entry] = applyPresence([ben], {
      sessionId: 's',
      changes: [{ userId: 'ben', name: 'Ben', online: true }],
    })
    expect(entry).toEqual({ ...ben, online: true })
  })

  it('adds someone who opened the session but has not started', () => {
    const list = applyPresence([ben], {
      sessionId: 's',
      changes: [{ userId: 'ada', name: 'Ada', online: true }],
    })
    expect(list.map((entry) => [entry.userId, entry.online, entry.joined])).toEqual([
      ['ben', false, true],
      ['ada', true, false],
    ])
  })
})

describe('applyProgress', () => {
  it('replaces totals with the pushed ones and marks the participant joined', () => {
    const notStarted = { ...ben, joined: false, answeredCount: 0, score: 0, online: true }
    const list = applyProgress([notStarted], {
      sessionId: 's',
      updates: [{ userId: 'ben', name: ben.name, answeredCount: 2, score: 2, finished: true }],
    })
    expect(list).toEqual([
      { ...notStarted, joined: true, answeredCount: 2, score: 2, finished: true },
    ])
  })

  it('lists a participant it did not know under the name the push gives', () => {
    const list = applyProgress([ben], {
      sessionId: 's',
      updates: [{ userId: 'cem', name: 'Cem', answeredCount: 0, score: 0, finished: false }],
    })
    expect(list.find((entry) => entry.userId === 'cem')).toMatchObject({
      joined: true,
      name: 'Cem',
      online: false,
    })
  })
})
