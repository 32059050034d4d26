import { FloorClient } from '../floor.ts'
import { StatelessFloorClient } from '../floor-stateless.ts'
import { StreamableFloorClient } from '../floor-streamable.ts'
import type { BenchClient } from './types.ts'

/** Floors' names start with "floor": the ratio tables divide by that row. */
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

export const streamableFloorClient: BenchClient = {
  name: 'floor (hand-written)',
  async connect(url) {
    const client = new StreamableFloorClient(url)
    await client.connect()
    return {
      echo: (message) => client.callTool('echo', { message }),
      close: () => client.close(),
    }
  },
}

export const statelessFloorClient: BenchClient = {
  name: 'floor (hand-written)',
  async connect(url) {
    const client = new StatelessFloorClient(url)
    await client.connect()
    return {
      echo: (message) => client.callTool('echo', { message }),
      close: async () => {},
    }
  },
}
