declare module 'vitest' {
  export interface ProvidedContext {
    /** The React major version a test project runs against. */
    reactMajor: number
  }
}
export {}
