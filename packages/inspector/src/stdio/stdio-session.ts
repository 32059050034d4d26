import type { ChildProcessWithoutNullStreams } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { createInterface } from 'node:readline'
import {
  describeCommand,
  endProcess,
  spawnCommand,
  type StdioCommand,
} from './command'
import {
  errorAnswer,
  idKey,
  logNotification,
  parseMessage,
  progressTokenOf,
  type JsonRpcId,
  type JsonRpcMessage,
} from './jsonrpc'
import { destinationOf, type Exchange } from './route'
import type { MessageSink } from './sinks'

export interface StdioSessionOptions {
  /** Called once when the session has ended, for whatever reason. */
  onEnd(session: StdioSession): void
  /** Mirrors the server's stderr (and the session's own notes) to the launcher's terminal. */
  log(line: string): void
  /** Milliseconds with no GET stream and no request in flight before the process is ended. */
  idleTimeout: number
}

/** Messages kept for a GET stream that is not open yet; the oldest go first past this. */
const GET_QUEUE_LIMIT = 1_000
const STDERR_TAIL = 10

/**
 * One browser session's stdio server: its own process, spawned from the launcher's command, with
 * the page's POSTs written to its stdin and its stdout routed back to the POST streams and the
 * GET stream. Its stderr reaches the page as `notifications/message` from the logger `stderr`.
 */
export class StdioSession {
  readonly id = randomUUID()
  readonly exited: Promise<void>
  private readonly child: ChildProcessWithoutNullStreams
  private readonly exchanges = new Map<string, Exchange>()
  private stream: MessageSink | null = null
  private readonly queue: JsonRpcMessage[] = []
  private readonly stderrTail: string[] = []
  private idleTimer: NodeJS.Timeout | undefined
  private ending: Promise<void> | undefined
  private readonly label: string

  constructor(
    private readonly command: StdioCommand,
    private readonly options: StdioSessionOptions,
  ) {
    this.label = `[${describeCommand(command)} · ${this.id.slice(0, 8)}]`
    this.child = spawnCommand(command)
    this.exited = new Promise((resolve) => {
      this.child.once('close', () => resolve())
      this.child.once('error', () => resolve())
    })
    this.child.stdin.on('error', () => {
      // EPIPE when the process is gone; its exit is reported below.
    })
    this.child.once('error', (error: NodeJS.ErrnoException) => {
      void this.end(
        `could not be started (${error.code ?? error.message}); check the command after -- and --cwd`,
      )
    })
    this.child.once('exit', (code, signal) => {
      void this.end(
        signal === null ? `exited with code ${code}` : `was ended by ${signal}`,
      )
    })
    createInterface({ input: this.child.stdout, crlfDelay: Infinity }).on(
      'line',
      (line) => this.fromStdout(line),
    )
    createInterface({ input: this.child.stderr, crlfDelay: Infinity }).on(
      'line',
      (line) => this.fromStderr(line),
    )
  }

  get pid(): number | undefined {
    return this.child.pid
  }

  get ended(): boolean {
    return this.ending !== undefined
  }

  /** A request of the page: written to stdin; its answer will go to `sink`. */
  request(
    message: JsonRpcMessage & { id: JsonRpcId },
    sink: MessageSink,
  ): void {
    const key = idKey(message.id)
    this.exchanges.get(key)?.sink.close()
    this.exchanges.set(key, { sink, progressToken: progressTokenOf(message) })
    sink.onClose(() => {
      if (this.exchanges.get(key)?.sink === sink) this.exchanges.delete(key)
      this.checkIdle()
    })
    this.touch()
    this.write(message)
  }

  /** A notification or an answer of the page (to sampling, elicitation, roots, ping). */
  deliver(message: JsonRpcMessage): void {
    this.touch()
    this.write(message)
    this.checkIdle()
  }

  /** The page's GET stream; a new one replaces the old, so nothing is ever sent twice. */
  openStream(sink: MessageSink): void {
    this.stream?.close()
    this.stream = sink
    sink.onClose(() => {
      if (this.stream === sink) this.stream = null
      this.checkIdle()
    })
    this.touch()
    for (const message of this.queue.splice(0)) sink.send(message)
  }

  /** Ends the process; every request still waiting is answered with an error. */
  end(reason = 'was ended by the inspector'): Promise<void> {
    if (this.ending) return this.ending
    clearTimeout(this.idleTimer)
    const tail =
      this.stderrTail.length > 0
        ? ` Its last stderr lines: ${this.stderrTail.join(' | ')}`
        : ''
    const what = `The stdio server (${describeCommand(this.command)}) ${reason}`
    for (const [key, exchange] of this.exchanges) {
      exchange.sink.send(
        errorAnswer(
          JSON.parse(key) as JsonRpcId,
          `${what} before answering.${tail}`,
        ),
      )
      exchange.sink.close()
    }
    this.exchanges.clear()
    this.toStream(logNotification('error', 'mcp-sse-inspector', `${what}.`))
    this.stream?.close()
    this.options.log(`${this.label} ${reason}`)
    this.ending = endProcess(this.child)
    this.options.onEnd(this)
    return this.ending
  }

  private write(message: JsonRpcMessage): void {
    if (this.ended || !this.child.stdin.writable) return
    // JSON.stringify never emits a raw newline, so one message is one line, as stdio requires.
    this.child.stdin.write(`${JSON.stringify(message)}\n`)
  }

  private fromStdout(line: string): void {
    if (line.trim() === '') return
    let message: JsonRpcMessage | null = null
    try {
      message = parseMessage(JSON.parse(line))
    } catch {
      // Not JSON: reported below.
    }
    if (message === null) {
      this.toStream(
        logNotification(
          'warning',
          'stdout',
          `Not a JSON-RPC message (stdio servers must write only MCP messages to stdout): ${line}`,
        ),
      )
      return
    }
    const destination = destinationOf(message, this.exchanges)
    if (destination === undefined) return
    if (destination === null) {
      this.toStream(message)
      return
    }
    const exchange = this.exchanges.get(destination)
    exchange?.sink.send(message)
    if (message.id !== undefined && message.method === undefined) {
      this.exchanges.delete(destination)
      exchange?.sink.close()
      this.checkIdle()
    }
  }

  private fromStderr(line: string): void {
    this.stderrTail.push(line)
    if (this.stderrTail.length > STDERR_TAIL) this.stderrTail.shift()
    this.options.log(`${this.label} ${line}`)
    this.toStream(logNotification('info', 'stderr', line))
  }

  private toStream(message: JsonRpcMessage): void {
    if (this.stream !== null) {
      this.stream.send(message)
      return
    }
    this.queue.push(message)
    if (this.queue.length > GET_QUEUE_LIMIT) this.queue.shift()
  }

  private touch(): void {
    clearTimeout(this.idleTimer)
    this.idleTimer = undefined
  }

  /** A session nobody listens to (its tab closed without a DELETE) ends after `idleTimeout`. */
  private checkIdle(): void {
    if (this.ended || this.stream !== null || this.exchanges.size > 0) return
    clearTimeout(this.idleTimer)
    this.idleTimer = setTimeout(
      () =>
        void this.end(
          `was ended after ${this.options.idleTimeout} ms with no page connected`,
        ),
      this.options.idleTimeout,
    )
    this.idleTimer.unref()
  }
}
