import { unwrapAck } from '@loopquiz/contract/realtime-client'
import { describe, expect, it } from 'vitest'
import { connectAs, listenOnce, nextEvent } from '../../test/realtime-clients.ts'
import { manualSource, sessionFixtures } from '../../test/session-fixtures.ts'
import { createTestApp } from '../../test/test-app.ts'

const app = await createTestApp({}, { timing: { offlineGraceMs: 100, realtimeTickMs: 20 } })
const { call, setUpGroup } = sessionFixtures(app)
const origin = await listenOnce(app)

describe('finishing a session attempt', () => {
  it('tells everyone watching the session that the participant finished, with their totals', async () => {
    const { owner, member, group, base } = await setUpGroup()
    const session = (
      await call('POST', `${base}/create-instant`, owner, { source: manualSource })
    ).json()
    const host = await connectAs(origin, owner)
    unwrapAck(await host.emitWithAck('session:watch', { groupId: group.id, sessionId: session.id }))
    const detail = (await call('GET', `${base}/${session.id}`, member)).json()
    const attempt = (await call('POST', `${base}/${session.id}/join`, member)).json()
    const [first] = detail.questions
    await call('POST', `/api/attempts/${attempt.id}/answers`, member, {
      clientAnswerId: `${member.id}-first-answer`,
      questionId: first.id,
      response: first.type === 'true_false' ? true : first.options?.[0]?.id,
    })

    const finished = nextEvent(host, 'session:progress', (event) =>
      event.updates.some((update) => update.userId === member.id && update.finished),
    )
    expect((await call('POST', `/api/attempts/${attempt.id}/finish`, member)).statusCode).toBe(200)
    const update = (await finished).updates.find((entry) => entry.userId === member.id)
    expect(update).toMatchObject({ answeredCount: 1, finished: true })
  })
})
