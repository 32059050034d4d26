// For an app that builds its own connect form around <MCPInspector /> (the playground does): the
// connection settings, their checks and fields, and the launcher bridge they can go through.
export {
  DEFAULT_CONFIG,
  TRANSPORT_LABELS,
  clientOptions,
  headersOf,
  validateConfig,
} from './connect/config'
export { PROTOCOL_CHOICES } from './connect/protocol'
export { TransportFields } from './connect/TransportFields'
export {
  ALL_CAPABILITIES,
  CAPABILITY_KEYS,
  describeCapabilities,
} from './capabilities/capabilities'
export { CapabilityChooser } from './capabilities/CapabilityChooser'
export { isSecretHeader } from './log/curl'
export { copyText } from './ui/download'
export { useSnapshot } from './sessions/useSnapshot'
export { carryAcrossRedirect } from './auth/watch'
export { launcherToken } from './bridge/launcher'
export {
  isBridged,
  isLauncherUrl,
  routeThroughLauncher,
  setBridged,
} from './bridge/route'

export type {
  AuthKind,
  ConnectConfig,
  HeaderRow,
  TransportChoice,
} from './connect/config'
export type { ProtocolChoice } from './connect/protocol'
export type { CapabilityChoice } from './capabilities/capabilities'
