import { endpoints } from '@loopquiz/contract'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api } from '../../../lib/api-client'
import { getLoopQueryOptions } from './get-loop'

export function deleteLoop(loopId: string) {
  return api(endpoints.deleteLoop, { params: { loopId } })
}

export function useDeleteLoop() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: deleteLoop,
    onSuccess: (_result, loopId) => {
      queryClient.removeQueries(getLoopQueryOptions(loopId))
      void queryClient.invalidateQueries({ queryKey: ['loops', 'list'] })
    },
  })
}
