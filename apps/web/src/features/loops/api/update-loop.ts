import { endpoints, type UpdateLoopBody } from '@loopquiz/contract'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api } from '../../../lib/api-client'
import { getLoopQueryOptions } from './get-loop'

export function updateLoop(loopId: string, body: UpdateLoopBody) {
  return api(endpoints.updateLoop, { params: { loopId }, body })
}

export function useUpdateLoop() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ loopId, body }: { loopId: string; body: UpdateLoopBody }) =>
      updateLoop(loopId, body),
    onSuccess: (loop) => {
      queryClient.setQueryData(getLoopQueryOptions(loop.id).queryKey, loop)
      void queryClient.invalidateQueries({ queryKey: ['loops', 'list'] })
    },
  })
}
