import type { AnswerResult, SubmitAnswerBody } from '@loopquiz/contract'
import { type RealtimeSocket, unwrapAck } from '@loopquiz/contract/realtime-client'
import { useMutation } from '@tanstack/react-query'
import { useRealtimeSocket } from '../../../lib/realtime'

/**
 * Sends a live answer over the socket. The client re-sends an unacknowledged request with the
 * same body (same clientAnswerId), also across a reconnect, so the server stores it once; the
 * ack comes only after it is stored.
 */
export async function submitLiveAnswer(
  socket: RealtimeSocket,
  attemptId: string,
  body: SubmitAnswerBody,
): Promise<AnswerResult> {
  return unwrapAck(await socket.emitWithAck('answer:submit', { ...body, attemptId }))
}

export function useSubmitLiveAnswer(attemptId: string) {
  const socket = useRealtimeSocket()
  return useMutation({
    mutationFn: (body: SubmitAnswerBody) => {
      // The page is signed in, so the socket exists once the session is known; the button waits till then.
      if (!socket) throw new Error('Not connected yet: try again in a moment.')
      return submitLiveAnswer(socket, attemptId, body)
    },
    // Retrying is the socket's job (same id, until acked); a refusal is final.
    retry: false,
    networkMode: 'always',
  })
}
