export { startLauncher, TOKEN_HEADER } from './launcher'
export { parseLauncherArgs, USAGE } from './args'
export { LauncherError } from './launcher-error'

export type { Launcher, LauncherOptions } from './launcher'
export type { LauncherArgs } from './args'
export type { StdioCommand } from './stdio/command'
