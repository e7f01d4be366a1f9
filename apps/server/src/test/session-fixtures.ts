import type { App } from '../app.ts'
import { sampleLoop, sampleQuestions, signUp, type TestUser } from './test-app.ts'

export const HOUR = 3_600_000

/** A session source typed in by hand: the sample loop and its questions. */
export const manualSource = { kind: 'manual', loop: sampleLoop, questions: sampleQuestions }

/** An instant `hours` from now, as the API takes it. */
export const inHours = (hours: number) => new Date(Date.now() + hours * HOUR).toISOString()

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/** Calls by bearer token (as the extension does), and a group of owner, admin and member. */
export function sessionFixtures(app: App) {
  async function call(method: Method, url: string, user: TestUser | null, payload?: object) {
    return app.inject({ method, url, headers: user?.bearer ?? {}, ...(payload ? { payload } : {}) })
  }

  /** A public group with an owner, an admin, a member and an outsider; settings as given. */
  async function setUpGroup(settings: object = {}, timezone = 'Europe/Paris') {
    const owner = await signUp(app, 'Owner')
    const admin = await signUp(app, 'Admin')
    const member = await signUp(app, 'Member')
    const outsider = await signUp(app, 'Outsider')
    const group = (
      await call('POST', '/api/groups', owner, { name: 'Class', privacy: 'public', timezone })
    ).json()
    for (const user of [admin, member]) await call('POST', `/api/join/${group.joinCode}`, user, {})
    await call('PATCH', `/api/groups/${group.id}/members/${admin.id}`, owner, { role: 'admin' })
    await call('PUT', `/api/groups/${group.id}/settings`, owner, settings)
    const base = `/api/groups/${group.id}/sessions`
    return { owner, admin, member, outsider, group, base }
  }

  return { call, setUpGroup }
}
