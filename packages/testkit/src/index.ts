export { startServerEverything } from './server-everything'
export { getFreePort, waitForPort, canConnect } from './ports'
export { startSdkServer } from './sdk-server'
export { startV2Server } from './v2-server'

export type {
  RunningServer,
  ServerEverythingMode,
  StartServerOptions,
} from './server-everything'
export type { RunningSdkServer, SdkServerOptions } from './sdk-server'
export type {
  RunningV2Server,
  V2ServerOptions,
  V2ServerRequest,
} from './v2-server'
