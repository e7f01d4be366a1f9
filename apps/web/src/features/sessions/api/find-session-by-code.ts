import { endpoints } from '@loopquiz/contract'
import { useMutation } from '@tanstack/react-query'
import { api } from '../../../lib/api-client'

export function findSessionByCode(code: string) {
  return api(endpoints.findSessionByCode, { params: { code } })
}

/** Where a typed join code leads (a session of one of my groups), or SESSION_NOT_FOUND. */
export function useFindSessionByCode() {
  return useMutation({ mutationFn: findSessionByCode })
}
