export { oauth } from './provider'
export { completeAuthorization } from './callback'

export type { OAuthProvider } from './provider'
export type {
  AuthorizeFunction,
  OAuthOptions,
  TokenEndpointAuthMethod,
} from './options'
export type { OAuthStorage } from './storage'
export type {
  CompleteAuthorizationOptions,
  CompleteAuthorizationResult,
} from './callback'
