import { describe, expect, it } from 'vitest'
import { createTestApp, sampleLoop, sampleQuestions, signUp } from '../../test/test-app.ts'

const app = await createTestApp()
const owner = await signUp(app, 'Owner')
const stranger = await signUp(app, 'Stranger')

async function createLoop(body: Record<string, unknown> = {}, headers = owner.bearer) {
  return app.inject({
    method: 'POST',
    url: '/api/loops',
    headers,
    payload: { ...sampleLoop, ...body },
  })
}

describe('loops', () => {
  it('creates a loop and gives its draft questions ids', async () => {
    const response = await createLoop({ clientId: 'ext-1', questions: sampleQuestions })
    expect(response.statusCode).toBe(200)
    const loop = response.json()
    expect(loop).toMatchObject({ ownerId: owner.id, clientId: 'ext-1', startS: 10, endS: 25.5 })
    expect(loop.questions).toHaveLength(4)
    for (const question of loop.questions) expect(question.id).toEqual(expect.any(String))
  })

  it('updates instead of duplicating when the extension syncs the same clientId again', async () => {
    const first = (await createLoop({ clientId: 'ext-sync' })).json()
    const second = (
      await createLoop({ clientId: 'ext-sync', videoTitle: 'Renamed', endS: 30 })
    ).json()
    expect(second.id).toBe(first.id)
    expect(second).toMatchObject({ videoTitle: 'Renamed', endS: 30 })
    const list = await app.inject({
      method: 'GET',
      url: '/api/loops?limit=100',
      headers: owner.bearer,
    })
    expect(
      list.json().items.filter((l: { clientId: string }) => l.clientId === 'ext-sync'),
    ).toHaveLength(1)
  })

  it('lets two users use the same clientId independently', async () => {
    const mine = (await createLoop({ clientId: 'shared-id' })).json()
    const theirs = (await createLoop({ clientId: 'shared-id' }, stranger.bearer)).json()
    expect(theirs.id).not.toBe(mine.id)
  })

  it('gets, updates and deletes my loop', async () => {
    const loop = (await createLoop()).json()
    const url = `/api/loops/${loop.id}`
    expect((await app.inject({ method: 'GET', url, headers: owner.cookie })).json()).toMatchObject({
      id: loop.id,
    })
    const updated = await app.inject({
      method: 'PATCH',
      url,
      headers: owner.cookie,
      payload: { videoTitle: 'New title', startS: 12 },
    })
    expect(updated.statusCode).toBe(200)
    expect(updated.json()).toMatchObject({ videoTitle: 'New title', startS: 12, endS: 25.5 })
    expect((await app.inject({ method: 'DELETE', url, headers: owner.cookie })).statusCode).toBe(
      204,
    )
    expect((await app.inject({ method: 'GET', url, headers: owner.cookie })).statusCode).toBe(404)
  })

  it('drops the YouTube id when a loop moves from YouTube to a video file', async () => {
    const loop = (await createLoop()).json()
    const response = await app.inject({
      method: 'PATCH',
      url: `/api/loops/${loop.id}`,
      headers: owner.bearer,
      payload: { videoUrl: 'https://example.com/lecture.webm', provider: 'html5' },
    })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toMatchObject({
      provider: 'html5',
      videoUrl: 'https://example.com/lecture.webm',
    })
    expect(response.json().videoId).toBeUndefined()
  })

  it("answers 404 to every call on another user's loop and leaves it unchanged", async () => {
    const loop = (await createLoop({ videoTitle: 'Private' })).json()
    const url = `/api/loops/${loop.id}`
    const calls = [
      { method: 'GET' as const, url },
      { method: 'PATCH' as const, url, payload: { videoTitle: 'Hacked' } },
      { method: 'DELETE' as const, url },
    ]
    for (const call of calls) {
      const response = await app.inject({ ...call, headers: stranger.bearer })
      expect(response.statusCode).toBe(404)
      expect(response.json()).toMatchObject({ error: { code: 'LOOP_NOT_FOUND' } })
    }
    const still = await app.inject({ method: 'GET', url, headers: owner.bearer })
    expect(still.json()).toMatchObject({ videoTitle: 'Private' })
  })

  it('refuses a loop that ends before it starts, naming the field', async () => {
    const response = await createLoop({ startS: 20, endS: 5 })
    expect(response.statusCode).toBe(400)
    expect(response.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ path: 'body.endS', message: 'The loop must end after it starts' }],
    })
    const loop = (await createLoop()).json()
    const patch = await app.inject({
      method: 'PATCH',
      url: `/api/loops/${loop.id}`,
      headers: owner.bearer,
      payload: { startS: 100 },
    })
    expect(patch.statusCode).toBe(400)
    expect(patch.json().error.details[0].path).toBe('body.endS')
  })

  it('refuses an invalid body with 400 naming each bad field', async () => {
    const response = await createLoop({ videoUrl: 'not a url', provider: 'vimeo' })
    expect(response.statusCode).toBe(400)
    const paths = response.json().error.details.map((d: { path: string }) => d.path)
    expect(paths).toEqual(expect.arrayContaining(['body.videoUrl', 'body.provider']))
    expect(response.json().error.message).toContain('body.videoUrl')
  })

  it('needs a signed-in user', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/loops' })
    expect(response.statusCode).toBe(401)
  })
})

describe('recent loops for the extension and the web import', () => {
  it('lists my loops newest first, page by page, without anyone else’s', async () => {
    const user = await signUp(app)
    for (let i = 1; i <= 5; i++)
      await createLoop({ clientId: `r-${i}`, videoTitle: `Loop ${i}` }, user.bearer)
    await createLoop({ clientId: 'other' }, stranger.bearer)

    const titles: string[] = []
    let cursor: string | null = null
    let pages = 0
    do {
      const query: string = cursor ? `?limit=2&cursor=${cursor}` : '?limit=2'
      const page = await app.inject({
        method: 'GET',
        url: `/api/extension/recent-loops${query}`,
        headers: user.bearer,
      })
      expect(page.statusCode).toBe(200)
      const body = page.json() as { items: { videoTitle: string }[]; nextCursor: string | null }
      titles.push(...body.items.map((item) => item.videoTitle))
      cursor = body.nextCursor
      pages++
    } while (cursor)
    expect(titles).toEqual(['Loop 5', 'Loop 4', 'Loop 3', 'Loop 2', 'Loop 1'])
    expect(pages).toBe(3)
  })

  it('refuses a forged cursor with 400', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/api/extension/recent-loops?cursor=garbage',
      headers: owner.bearer,
    })
    expect(response.statusCode).toBe(400)
    expect(response.json().error.details[0].path).toBe('query.cursor')
  })
})
