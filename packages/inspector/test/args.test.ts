import { describe, expect, it } from 'vitest'
import { LauncherError, parseLauncherArgs } from '../src/index'

describe('the launcher’s command line', () => {
  it('defaults: loopback, a free port, the browser opened, the bridge limited to loopback', () => {
    expect(parseLauncherArgs([])).toMatchObject({
      host: '127.0.0.1',
      port: 0,
      open: true,
      dangerouslyBindAll: false,
      serverUrl: undefined,
      command: undefined,
      bridgeOnlyLocalhost: true,
      allowHosts: [],
    })
  })

  it('takes a server URL', () => {
    expect(
      parseLauncherArgs([
        'http://localhost:8000/mcp',
        '--no-open',
        '--port',
        '6274',
      ]),
    ).toMatchObject({
      serverUrl: 'http://localhost:8000/mcp',
      open: false,
      port: 6274,
    })
  })

  it('takes a command after --, with -e and --cwd, and leaves its own flags alone', () => {
    const args = parseLauncherArgs([
      '-e',
      'API_KEY=a=b',
      '--env',
      'DEBUG=1',
      '--cwd',
      '/srv',
      '--',
      'node',
      'build/server.js',
      '--port',
      '9',
      '--',
      '-e',
    ])
    expect(args.command).toEqual({
      command: 'node',
      args: ['build/server.js', '--port', '9', '--', '-e'],
      env: { API_KEY: 'a=b', DEBUG: '1' },
      cwd: '/srv',
    })
    expect(args.port).toBe(0)
  })

  it('widens the bridge only when asked', () => {
    expect(
      parseLauncherArgs([
        '--allow-host',
        'api.internal',
        '--allow-host',
        'db.local',
      ]).allowHosts,
    ).toEqual(['api.internal', 'db.local'])
    expect(
      parseLauncherArgs(['--no-bridge-only-localhost']).bridgeOnlyLocalhost,
    ).toBe(false)
  })

  it('explains mistakes', () => {
    const cases: [string[], RegExp][] = [
      [['node', 'server.js'], /One server URL at most/],
      [['server.js'], /put its command after --/],
      [['file:///etc/passwd'], /Only http: and https:/],
      [['--port', 'eighty'], /not a port number/],
      [['-e', 'NOEQUALS', '--', 'node'], /KEY=VALUE/],
      [['-e', 'A=1'], /add its command after --/],
      [['--'], /Nothing after --/],
      [['http://localhost:1/mcp', '--', 'node'], /not both/],
      [['--frobnicate'], /Unknown option/],
    ]
    for (const [argv, message] of cases) {
      expect(() => parseLauncherArgs(argv)).toThrow(LauncherError)
      expect(() => parseLauncherArgs(argv)).toThrow(message)
    }
  })
})
