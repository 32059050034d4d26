import { FloorClient } from '../floor.ts'
import type { BenchClient } from './types.ts'

export const floorClient: BenchClient = {
  name: 'floor (hand-written)',
  async connect(url) {
    const client = new FloorClient(url)
    await client.connect()
    return {
      echo: (message) => client.callTool('echo', { message }),
      close: async () => client.close(),
    }
  },
}
