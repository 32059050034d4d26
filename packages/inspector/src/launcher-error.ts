/** A problem with how the launcher was started: its message is printed, without a stack. */
export class LauncherError extends Error {
  override readonly name = 'LauncherError'
}
