import { ApiError } from '@loopquiz/contract'
import { QueryClient } from '@tanstack/react-query'

const MAX_RETRIES = 2

/** A 4xx answer will not change by asking again; network hiccups and 5xx may. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false
  return failureCount < MAX_RETRIES
}

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      retry: shouldRetry,
      refetchOnWindowFocus: false,
    },
    mutations: {
      retry: false,
    },
  },
})
