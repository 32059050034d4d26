/** One connected client, reduced to what the benchmark drives. */
export interface BenchConnection {
  /** `tools/call` of the server's `echo` tool. */
  echo(message: string): Promise<unknown>
  close(): Promise<void>
}

/** A client under test: `connect` resolves once `initialize` has been answered. */
export interface BenchClient {
  name: string
  connect(url: string): Promise<BenchConnection>
}
