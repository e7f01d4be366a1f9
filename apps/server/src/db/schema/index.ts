export * from './auth.ts'
export * from './loops.ts'
export * from './quizzes.ts'
