import { endpoints } from '@loopquiz/contract'
import { queryOptions, useQuery } from '@tanstack/react-query'
import { api } from '../../../lib/api-client'

export function getJoinPreview(code: string) {
  return api(endpoints.getJoinPreview, { params: { code } })
}

export function getJoinPreviewQueryOptions(code: string) {
  return queryOptions({
    queryKey: ['join-preview', code],
    queryFn: () => getJoinPreview(code),
  })
}

/** The group a join code leads to, and where the viewer stands with it. */
export function useJoinPreview(code: string) {
  return useQuery(getJoinPreviewQueryOptions(code))
}
