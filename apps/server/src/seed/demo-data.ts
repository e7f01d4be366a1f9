import type { CreateLoopBody } from '@loopquiz/contract'
import { count, eq } from 'drizzle-orm'
import type { App } from '../app.ts'
import type { Database } from '../db/database.ts'
import { users } from '../db/schema/auth.ts'

export const demoAccount = {
  name: 'Demo Learner',
  email: 'demo@loopquiz.dev',
  password: 'loopquiz-demo',
} as const

const bigBuckBunny: CreateLoopBody = {
  clientId: 'demo-big-buck-bunny',
  videoUrl: 'https://www.youtube.com/watch?v=aqz-KE-bpKQ',
  videoTitle: 'Big Buck Bunny (Blender open movie)',
  provider: 'youtube',
  videoId: 'aqz-KE-bpKQ',
  startS: 60,
  endS: 105,
  transcript:
    'A big, friendly rabbit wakes up in the forest and steps out of his burrow to enjoy the morning. ' +
    'Three rodents, a flying squirrel, a red squirrel and a chinchilla, watch him and plan their pranks.',
  vocabulary: ['burrow', 'prank', 'rodent'],
  questions: [
    {
      type: 'single',
      prompt: 'What kind of animal is the hero of the film?',
      options: [
        { id: 'a', text: 'A rabbit' },
        { id: 'b', text: 'A squirrel' },
        { id: 'c', text: 'A bear' },
      ],
      correct: 'a',
      explanation: 'Big Buck Bunny is a large, gentle rabbit.',
      points: 1,
    },
    {
      type: 'multiple',
      prompt: 'Which animals tease him? (choose all that apply)',
      options: [
        { id: 'flying-squirrel', text: 'A flying squirrel' },
        { id: 'red-squirrel', text: 'A red squirrel' },
        { id: 'chinchilla', text: 'A chinchilla' },
        { id: 'fox', text: 'A fox' },
      ],
      correct: ['flying-squirrel', 'red-squirrel', 'chinchilla'],
      explanation: 'Frank, Rinky and Gimera: two squirrels and a chinchilla.',
      points: 2,
    },
    {
      type: 'true_false',
      prompt: 'The film was made with free, open-source software.',
      correct: true,
      explanation: 'The Blender Foundation made it entirely with Blender.',
      points: 1,
    },
    {
      type: 'short_text',
      prompt: 'Where does the rabbit sleep? (one word)',
      correct: ['burrow', 'a burrow', 'hole'],
      explanation: 'He steps out of his burrow at the start of the loop.',
      points: 1,
    },
  ],
}

const moreLoops: CreateLoopBody[] = [
  {
    clientId: 'demo-sintel',
    videoUrl: 'https://www.youtube.com/watch?v=eRsGyueVLvQ',
    videoTitle: 'Sintel (Blender open movie)',
    provider: 'youtube',
    videoId: 'eRsGyueVLvQ',
    startS: 120,
    endS: 150,
    questions: [],
  },
  {
    clientId: 'demo-tears-of-steel',
    videoUrl: 'https://www.youtube.com/watch?v=R6MlUcmOul8',
    videoTitle: 'Tears of Steel (Blender open movie)',
    provider: 'youtube',
    videoId: 'R6MlUcmOul8',
    startS: 30,
    endS: 52.5,
    questions: [],
  },
]

/**
 * On an empty database, creates the demo account with a few loops, one shared quiz and a
 * group with a session planned for tomorrow evening,
 * so a first start has something to click. Returns null when users already exist.
 */
export async function seedDemoData(app: App, db: Database) {
  const [existing] = await db.select({ n: count() }).from(users)
  if ((existing?.n ?? 0) > 0) return null
  const { user } = await app.services.auth.api.signUpEmail({ body: { ...demoAccount } })
  // Nobody reads the demo address's mail: the account counts as confirmed, so it can accept
  // invitations like any other.
  await db.update(users).set({ emailVerified: true }).where(eq(users.id, user.id))
  const owner = { ...user, image: user.image ?? null }
  const featured = await app.services.loops.createOrUpdate(user.id, bigBuckBunny)
  for (const loop of moreLoops) await app.services.loops.createOrUpdate(user.id, loop)
  const share = await app.services.quizzes.share(owner, {
    title: 'Big Buck Bunny: the morning scene',
    loopId: featured.id,
    questions: featured.questions,
    visibility: 'public',
    showAnswers: 'after_each_answer',
  })
  const viewer = { id: user.id, name: user.name, email: user.email }
  const group = await app.services.groups.create(viewer, {
    name: 'Film club',
    description: 'We watch a scene together, then quiz ourselves on it.',
    privacy: 'public',
    timezone: 'UTC',
    tags: ['film', 'english'],
  })
  const tomorrowEvening = new Date()
  tomorrowEvening.setUTCDate(tomorrowEvening.getUTCDate() + 1)
  tomorrowEvening.setUTCHours(18, 0, 0, 0)
  await app.services.sessions.schedule(group.id, viewer, {
    title: 'Big Buck Bunny quiz night',
    description: 'Watch the morning scene first, then answer together.',
    mode: 'self_paced',
    scheduledAt: tomorrowEvening.toISOString(),
    durationMinutes: 60,
    source: { kind: 'loop', loopId: featured.id },
  })
  return { ...demoAccount, shareUrl: share.shareUrl }
}
