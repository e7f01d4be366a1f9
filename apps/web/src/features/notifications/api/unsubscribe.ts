import { endpoints } from '@loopquiz/contract'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { api } from '../../../lib/api-client'
import { notificationPreferencesQueryKey } from './get-notification-preferences'

export function unsubscribe(token: string) {
  return api(endpoints.unsubscribe, { body: { token } })
}

/** Stops one type of e-mail by a mail's signed link; no sign-in needed. */
export function useUnsubscribe() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: unsubscribe,
    // Signed in here too, /settings must show the type off.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationPreferencesQueryKey }),
  })
}
