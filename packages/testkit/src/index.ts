export { startServerEverything } from './server-everything'
export { getFreePort, waitForPort, canConnect } from './ports'

export type {
  RunningServer,
  ServerEverythingMode,
  StartServerOptions,
} from './server-everything'
