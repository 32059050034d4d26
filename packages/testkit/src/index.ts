export { startServerEverything } from './server-everything'
export { getFreePort, waitForPort, canConnect } from './ports'
export { startSdkServer } from './sdk-server'

export type {
  RunningServer,
  ServerEverythingMode,
  StartServerOptions,
} from './server-everything'
export type { RunningSdkServer, SdkServerOptions } from './sdk-server'
