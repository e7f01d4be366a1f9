import { socketAnswerBodySchema } from '@loopquiz/contract'
import type { Realtime } from '../../plugins/realtime.ts'
import type { QuizzesService } from './quizzes.service.ts'

export interface AnswerSocketDeps {
  realtime: Realtime
  quizzes: QuizzesService
}

/**
 * Answers over the socket: `answer:submit` is the HTTP answer endpoint on the open connection, the
 * same operation with the same checks and errors, for the signed-in user of the socket. The ack
 * comes only after the answer's batch committed; a client that got no ack sends the same answer
 * again (same `clientAnswerId`) and gets the first result.
 */
export function registerAnswerSockets({ realtime, quizzes }: AnswerSocketDeps) {
  realtime.onConnection((socket) => {
    realtime.handle(socket, 'answer:submit', socketAnswerBodySchema, ({ attemptId, ...body }) =>
      quizzes.submitAnswer(attemptId, { id: socket.data.userId, name: socket.data.name }, body),
    )
  })
}
