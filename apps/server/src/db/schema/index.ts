export * from './auth.ts'
export * from './groups.ts'
export * from './loops.ts'
export * from './quizzes.ts'
