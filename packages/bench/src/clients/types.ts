/** One connected client, reduced to what the benchmark drives. */
export interface BenchConnection {
  /** `tools/call` of the server's `echo` tool. */
  echo(message: string): Promise<unknown>
  close(): Promise<void>
}

/** A client under test: `connect` resolves once the handshake has been answered. */
export interface BenchClient {
  name: string
  /** `url`: the transport's endpoint on the bench server (the stream URL for HTTP+SSE). */
  connect(url: string): Promise<BenchConnection>
  /**
   * Only connect is measured: the row shows what a different connect option costs, and its calls
   * would repeat another row's.
   */
  connectOnly?: boolean
}
