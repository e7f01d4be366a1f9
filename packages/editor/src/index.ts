export * from './draft.ts'
export * from './question-editor.tsx'
export * from './suggestions.ts'
export * from './time.ts'
