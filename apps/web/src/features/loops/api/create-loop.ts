import { type CreateLoopBody, endpoints } from '@loopquiz/contract'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api } from '../../../lib/api-client'
import { getLoopQueryOptions } from './get-loop'

export function createLoop(body: CreateLoopBody) {
  return api(endpoints.createLoop, { body })
}

export function useCreateLoop() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: createLoop,
    onSuccess: (loop) => {
      queryClient.setQueryData(getLoopQueryOptions(loop.id).queryKey, loop)
      void queryClient.invalidateQueries({ queryKey: ['loops', 'list'] })
    },
  })
}
