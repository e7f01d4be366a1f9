export * from './draft.ts'
export * from './suggestions.ts'
export * from './time.ts'
