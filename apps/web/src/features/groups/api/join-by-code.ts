import { endpoints } from '@loopquiz/contract'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api } from '../../../lib/api-client'
import { getJoinPreviewQueryOptions } from './get-join-preview'

export function joinByCode(code: string, message: string | undefined) {
  return api(endpoints.joinByCode, { params: { code }, body: { message } })
}

export function useJoinByCode(code: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (message: string | undefined) => joinByCode(code, message),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['groups'] })
      void queryClient.invalidateQueries(getJoinPreviewQueryOptions(code))
    },
  })
}
