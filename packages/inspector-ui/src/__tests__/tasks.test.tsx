import { createMCPServer } from '@mcp-sse/msw'
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import {
  mock,
  openTab,
  openTool,
  ready,
  renderApp,
  useNetwork,
} from '../test/mock-servers'
import { createTaskServer } from '../test/task-server'

const tasker = createMCPServer({
  url: 'http://tasks.test',
  transport: 'streamable-http',
  capabilities: {
    tools: { listChanged: true },
    tasks: { list: {}, cancel: {}, requests: { tools: { call: {} } } },
  },
  tools: [
    {
      name: 'research',
      execution: { taskSupport: 'required' },
      inputSchema: {
        type: 'object',
        properties: { topic: { type: 'string' } },
      },
      run: () => 'not as a task',
    },
    {
      name: 'either',
      execution: { taskSupport: 'optional' },
      run: () => 'ran at once',
    },
  ],
})
const tasks = createTaskServer('http://tasks.test/mcp')

useNetwork({ servers: [tasker], handlers: tasks.handlers })
afterEach(() => tasks.reset())

const row = () => screen.getByRole('list', { name: "This call's task" })

describe('tool calls run as tasks', () => {
  it('calls a task-required tool as a task, follows its status and shows its result', async () => {
    renderApp('http://tasks.test/mcp')
    await openTool('research')
    fireEvent.click(
      await screen.findByRole('button', { name: 'Call research as task' }),
    )
    await screen.findByRole('list', { name: "This call's task" })
    expect(within(row()).getByTestId('task-status').textContent).toBe('working')
    expect(row().textContent).toContain('Started research')
    act(() => tasks.update('working', 'Reading sources (2 of 5)'))
    await waitFor(() =>
      expect(row().textContent).toContain('Reading sources (2 of 5)'),
    )
    act(() =>
      tasks.finish({ content: [{ type: 'text', text: 'The report.' }] }),
    )
    await waitFor(() =>
      expect(within(row()).getByTestId('task-status').textContent).toBe(
        'completed',
      ),
    )
    expect(
      (await within(row()).findByTestId('tool-result')).textContent,
    ).toContain('The report.')
    expect(row().textContent).toMatch(/took \d+\.\d s/)
    expect(row().textContent).toMatch(/3 status changes/)
    // tasks/result was asked at once, and tasks/get polled meanwhile.
    expect(tasks.seen[0]).toBe('tools/call')
    expect(tasks.seen).toContain('tasks/result')
    expect(tasks.seen).toContain('tasks/get')
    // The Tasks tab lists it too.
    openTab('Tasks')
    const list = screen.getByRole('list', { name: 'Server tasks' })
    expect(within(list).getByText('research')).toBeTruthy()
  })

  it('cancels a running task with tasks/cancel', async () => {
    renderApp('http://tasks.test/mcp')
    await openTool('research')
    fireEvent.click(
      await screen.findByRole('button', { name: 'Call research as task' }),
    )
    await screen.findByRole('list', { name: "This call's task" })
    fireEvent.click(within(row()).getByRole('button', { name: 'Cancel task' }))
    await waitFor(() =>
      expect(within(row()).getByTestId('task-status').textContent).toBe(
        'cancelled',
      ),
    )
    expect(tasks.seen).toContain('tasks/cancel')
    expect(
      within(row()).queryByRole('button', { name: 'Cancel task' }),
    ).toBeNull()
  })

  it('offers "as task" for a tool whose task support is optional', async () => {
    renderApp('http://tasks.test/mcp')
    await openTool('either')
    fireEvent.click(await screen.findByRole('button', { name: 'Call either' }))
    expect((await screen.findByTestId('tool-result')).textContent).toContain(
      'ran at once',
    )
    fireEvent.click(screen.getByRole('checkbox', { name: 'as task' }))
    fireEvent.click(screen.getByRole('button', { name: 'Call either as task' }))
    await screen.findByRole('list', { name: "This call's task" })
    expect(tasks.seen[0]).toBe('tools/call')
  })

  it('lists tasks the server knows with tasks/list, including ones started elsewhere', async () => {
    tasks.addForeign()
    renderApp('http://tasks.test/mcp')
    await ready()
    openTab('Tasks')
    fireEvent.click(screen.getByRole('button', { name: 'tasks/list' }))
    expect(await screen.findByText('tasks/list: 1 task(s)')).toBeTruthy()
    expect(screen.getByText('(started elsewhere)')).toBeTruthy()
  })
})

describe('requests the server asks the client to run as tasks', () => {
  it('answers at once with a task, then tasks/get, tasks/result and tasks/list from the card', async () => {
    renderApp()
    await ready()
    const created = (await mock.request('sampling/createMessage', {
      messages: [
        { role: 'user', content: { type: 'text', text: 'later, please' } },
      ],
      maxTokens: 10,
      task: { ttl: 30_000 },
    })) as { task: { taskId: string; status: string } }
    expect(created.task.status).toBe('input_required')
    const { taskId } = created.task
    expect(await mock.request('tasks/get', { taskId })).toMatchObject({
      taskId,
      status: 'input_required',
    })
    expect(await mock.request('tasks/list')).toMatchObject({
      tasks: [{ taskId }],
    })
    const result = mock.request('tasks/result', { taskId })
    openTab('Requests')
    const card = await screen.findByRole('article', {
      name: /^Sampling request/,
    })
    expect(card.textContent).toContain(`runs as client task ${taskId}`)
    fireEvent.change(
      within(card).getByRole('textbox', { name: 'Reply text' }),
      {
        target: { value: 'now' },
      },
    )
    fireEvent.click(within(card).getByRole('button', { name: 'Approve reply' }))
    expect(await result).toMatchObject({
      role: 'assistant',
      content: { type: 'text', text: 'now' },
      _meta: { 'io.modelcontextprotocol/related-task': { taskId } },
    })
    expect(await mock.request('tasks/get', { taskId })).toMatchObject({
      status: 'completed',
    })
    openTab('Tasks')
    expect(
      screen.getByRole('region', { name: 'Client tasks' }).textContent,
    ).toContain(taskId)
  })

  it('withdraws the card when the server cancels the task', async () => {
    renderApp()
    await ready()
    const created = (await mock.request('elicitation/create', {
      message: 'Pick one',
      requestedSchema: { type: 'object', properties: {} },
      task: {},
    })) as { task: { taskId: string } }
    openTab('Requests')
    await screen.findByRole('article', { name: /^Elicitation request/ })
    expect(
      await mock.request('tasks/cancel', { taskId: created.task.taskId }),
    ).toMatchObject({ status: 'cancelled' })
    await waitFor(() =>
      expect(screen.getByRole('article').dataset.state).toBe('withdrawn'),
    )
    await expect(
      mock.request('tasks/cancel', { taskId: created.task.taskId }),
    ).rejects.toThrow(/already ended/)
  })
})
