import { createApiClient, type EndpointInput, type Endpoints, endpoints } from '@loopquiz/contract'

/** Signs a user up through the real API and returns a typed client acting as them. */
export async function signUpByApi(baseUrl: string, name: string) {
  const email = `${name.toLowerCase().replace(/\W+/g, '-')}-${Date.now()}@example.test`
  const response = await fetch(`${baseUrl}/api/auth/sign-up/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify({ name, email, password: 'correct-horse-battery' }),
  })
  if (!response.ok) throw new Error(`sign-up failed: ${response.status} ${await response.text()}`)
  const token = response.headers.get('set-auth-token')
  const api = createApiClient({ baseUrl, headers: () => ({ authorization: `Bearer ${token}` }) })
  return { email, api }
}

export type ShareInput = EndpointInput<Endpoints['createShare']>['body']

export async function shareByApi(baseUrl: string, body: ShareInput) {
  const author = await signUpByApi(baseUrl, 'Quiz Author')
  return author.api(endpoints.createShare, { body })
}
