import { createApiClient } from '@loopquiz/contract'

/** The typed API caller; same origin, so the session cookie rides along. */
export const api = createApiClient({ credentials: 'include' })
