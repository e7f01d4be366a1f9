export * from './draft.ts'
export * from './time.ts'
