import {
  MCPSSEClient,
  SUPPORTED_PROTOCOL_VERSIONS,
  VERSION,
  type MCPSSEClientOptions,
  type ProtocolVersionPin,
} from '@mcp-sse/core'

/** What a scenario module gets: where the test server is, what the suite asked, and a client maker. */
export interface ScenarioContext {
  /** The test server's URL, as the suite passed it (the last argument). */
  readonly serverUrl: string
  /** `MCP_CONFORMANCE_SCENARIO`. */
  readonly scenario: string
  /** `MCP_CONFORMANCE_PROTOCOL_VERSION`: the revision under test. */
  readonly protocolVersion: string
  /** `MCP_CONFORMANCE_CONTEXT` parsed: scenario data such as a pre-registered client. */
  readonly data: Readonly<Record<string, unknown>>
  /**
   * A client for the test server, pinned to the revision under test, with the given options on
   * top. The harness disconnects it when the scenario ends.
   */
  client(options?: Partial<MCPSSEClientOptions>): MCPSSEClient
  /** A line on stderr (the suite keeps it in `stderr.txt`), with the time since start. */
  log(message: string): void
}

const started = performance.now()

export function log(message: string): void {
  const ms = Math.round(performance.now() - started)
  process.stderr.write(`[${String(ms).padStart(6)} ms] ${message}\n`)
}

/** Revisions from this one on are stateless (no `initialize`); dates compare as strings. */
const STATELESS_SINCE = '2026-07-28'

/** The pin for `version` when this build of the core speaks it; otherwise none. */
function pinFor(version: string): ProtocolVersionPin | undefined {
  return SUPPORTED_PROTOCOL_VERSIONS.find((v) => v === version)
}

export function createContext(
  env: NodeJS.ProcessEnv,
  argv: readonly string[],
): { context: ScenarioContext; finish: () => Promise<void> } {
  const serverUrl = argv.at(-1)
  const scenario = env.MCP_CONFORMANCE_SCENARIO
  if (!serverUrl || !scenario) {
    throw new Error(
      'usage: MCP_CONFORMANCE_SCENARIO=<name> node src/client.ts <server-url> (the suite sets both)',
    )
  }
  const protocolVersion = env.MCP_CONFORMANCE_PROTOCOL_VERSION ?? '2025-11-25'
  const rawData = env.MCP_CONFORMANCE_CONTEXT
  const parsed: unknown = rawData ? JSON.parse(rawData) : {}
  const data =
    typeof parsed === 'object' && parsed !== null
      ? (parsed as Record<string, unknown>)
      : {}

  const pin = pinFor(protocolVersion)
  if (!pin) {
    // Connecting unpinned would let the library settle on an older revision, and a pass there
    // would say nothing about this one.
    throw new Error(
      `@mcp-sse/core ${VERSION} cannot be pinned to protocol ${protocolVersion} (it speaks ${SUPPORTED_PROTOCOL_VERSIONS.join(', ')})`,
    )
  }

  const clients: MCPSSEClient[] = []
  const negotiated = new Set<string>()
  const context: ScenarioContext = {
    serverUrl,
    scenario,
    protocolVersion,
    data,
    client(options) {
      const client = new MCPSSEClient({
        url: serverUrl,
        transport: 'auto',
        clientInfo: { name: '@mcp-sse/conformance', version: VERSION },
        // Generous: the suite starts every scenario at once, and on two busy cores one POST has
        // been seen to take 3 s.
        requestTimeout: 15_000,
        connectTimeout: 20_000,
        protocolVersion: pin,
        ...options,
      })
      // Every frame on stderr when asked: the first thing to read when a check fails.
      if (env.MCP_SSE_CONFORMANCE_WIRE) {
        client.onWire((event) => log(`wire ${JSON.stringify(event)}`))
      }
      client.subscribe(() => {
        const version = client.getSnapshot().protocolVersion
        if (version) negotiated.add(version)
      })
      clients.push(client)
      return client
    },
    log,
  }
  /** Disconnects every client; throws when one settled on a revision of the other era. */
  const finish = async (): Promise<void> => {
    await Promise.race([
      Promise.allSettled(clients.map((c) => c.disconnect())),
      new Promise((resolve) => setTimeout(resolve, 2_000)),
    ])
    const wanted = protocolVersion >= STATELESS_SINCE
    const otherEra = [...negotiated].filter(
      (v) => v >= STATELESS_SINCE !== wanted,
    )
    if (otherEra.length > 0) {
      throw new Error(
        `asked for protocol ${protocolVersion}, the client settled on ${otherEra.join(', ')}: a pass there would not count for this revision`,
      )
    }
  }
  return { context, finish }
}
