import { describe, expect, it } from 'vitest'
import { HOUR, manualSource, sessionFixtures } from '../../test/session-fixtures.ts'
import { createTestApp } from '../../test/test-app.ts'

// The proposed start of the schedule dialog: the earliest the group's rules let the caller
// schedule, on a five-minute step, which the schedule route then accepts. Times come from the clock.

const app = await createTestApp()
const { call, setUpGroup } = sessionFixtures(app)
const MINUTE = 60_000
const STEP = 5 * MINUTE

const setUp = (settings: object = {}, timezone = 'Europe/Paris') =>
  setUpGroup({ session_creation_permission: 'all_members', ...settings }, timezone)

type Caller = Parameters<typeof call>[2]

async function proposal(base: string, user: Caller, durationMinutes = 60) {
  const response = await call('GET', `${base}/next-start?durationMinutes=${durationMinutes}`, user)
  expect(response.statusCode, response.body).toBe(200)
  return response.json() as { startsAt: string | null; reason?: string }
}

const schedule = (base: string, user: Caller, scheduledAt: string, durationMinutes = 60) =>
  call('POST', `${base}/schedule`, user, { source: manualSource, scheduledAt, durationMinutes })

/** The wall clock of an instant in a zone: weekday (0 = Sunday) and minutes since midnight. */
function wallClock(instant: string, timeZone: string) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(instant))
      .map((part) => [part.type, part.value]),
  )
  const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(parts.weekday ?? '')
  return { weekday, minutes: Number(parts.hour) * 60 + Number(parts.minute) }
}

describe('GET /api/groups/:groupId/sessions/next-start', () => {
  it('without rules, proposes the next step a few minutes ahead, and scheduling at it works', async () => {
    const { owner, base } = await setUp()
    const before = Date.now()
    const { startsAt } = await proposal(base, owner)
    if (!startsAt) throw new Error('no proposal')
    const at = Date.parse(startsAt)
    expect(at % STEP).toBe(0)
    // Five minutes to fill in the form, then the next step.
    expect(at).toBeGreaterThan(before + 5 * MINUTE)
    expect(at).toBeLessThanOrEqual(Date.now() + 10 * MINUTE)
    const created = await schedule(base, owner, startsAt)
    expect(created.statusCode).toBe(201)
    expect(created.json()).toMatchObject({ status: 'scheduled', scheduledAt: startsAt })
  })

  it('meets the advance notice for owners and members alike', async () => {
    const { owner, member, base } = await setUp({
      advance_notice_hours: 24,
      session_approval_required: true,
    })
    const before = Date.now()
    for (const user of [owner, member]) {
      const { startsAt } = await proposal(base, user, 30)
      if (!startsAt) throw new Error('no proposal')
      const at = Date.parse(startsAt)
      expect(at).toBeGreaterThan(before + 24 * HOUR)
      expect(at).toBeLessThanOrEqual(Date.now() + 24 * HOUR + 10 * MINUTE)
      // One step earlier is too soon, the proposal itself is accepted.
      const sooner = await schedule(base, user, new Date(at - 2 * STEP).toISOString(), 30)
      expect(sooner.statusCode).toBe(422)
      expect(sooner.json().error.code).toBe('SCHEDULE_NOT_ALLOWED')
      const created = await schedule(base, user, startsAt, 30)
      expect(created.statusCode).toBe(201)
      expect(created.json().status).toBe(user === owner ? 'scheduled' : 'pending_approval')
    }
  })

  it('fits the whole session into an allowed slot in the group’s zone, and is the earliest that does', async () => {
    const zone = 'America/New_York'
    const slot = { days: [1, 2, 3, 4, 5], start: '18:00', end: '20:00' }
    const { owner, member, base } = await setUp(
      { advance_notice_hours: 24, allowed_time_slots: [slot] },
      zone,
    )
    for (const [user, minutes] of [
      [owner, 90],
      [member, 120],
    ] as const) {
      const { startsAt } = await proposal(base, user, minutes)
      if (!startsAt) throw new Error('no proposal')
      const start = wallClock(startsAt, zone)
      expect([1, 2, 3, 4, 5]).toContain(start.weekday)
      expect(start.minutes).toBeGreaterThanOrEqual(18 * 60)
      expect(start.minutes + minutes).toBeLessThanOrEqual(20 * 60)
      const earlier = await schedule(
        base,
        user,
        new Date(Date.parse(startsAt) - STEP).toISOString(),
        minutes,
      )
      expect(earlier.statusCode).toBe(422)
      expect((await schedule(base, user, startsAt, minutes)).statusCode).toBe(201)
    }
  })

  it('says why when no start fits, instead of proposing one that would be refused', async () => {
    const { owner, base } = await setUp({
      allowed_time_slots: [{ days: [2, 4], start: '18:00', end: '20:00' }],
    })
    expect(await proposal(base, owner, 150)).toEqual({
      startsAt: null,
      reason:
        "A 150-minute session fits none of this group's allowed times (Tue, Thu 18:00–20:00, Europe/Paris) in the next two years. Choose a shorter duration, or ask an admin to widen the allowed times.",
    })
  })

  it('is for those who may schedule in the group: 404 for outsiders, 403 for members who may not, 401 signed out', async () => {
    const { admin, member, outsider, base } = await setUpGroup({
      session_creation_permission: 'admin',
    })
    expect((await call('GET', `${base}/next-start`, outsider)).statusCode).toBe(404)
    const refused = await call('GET', `${base}/next-start`, member)
    expect(refused.statusCode).toBe(403)
    expect(refused.json().error.code).toBe('FORBIDDEN')
    expect((await call('GET', `${base}/next-start`, null)).statusCode).toBe(401)
    expect((await proposal(base, admin)).startsAt).not.toBeNull()
  })

  it('rejects a duration outside 1 minute to 24 hours', async () => {
    const { owner, base } = await setUp()
    for (const bad of ['0', '1441', 'soon']) {
      const response = await call('GET', `${base}/next-start?durationMinutes=${bad}`, owner)
      expect(response.statusCode).toBe(400)
      expect(response.json().error.code).toBe('VALIDATION_FAILED')
    }
  })
})
