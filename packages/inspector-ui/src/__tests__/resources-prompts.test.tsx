import { act, fireEvent, screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { mock, renderApp, useNetwork } from '../test/mock-servers'

useNetwork()

describe('resources and prompts', () => {
  it('reads a resource and a template with its parameter', async () => {
    renderApp()
    fireEvent.click(await screen.findByRole('tab', { name: 'Resources' }))
    fireEvent.click(await screen.findByRole('button', { name: /notes/ }))
    expect(await screen.findByText('first version')).toBeTruthy()
    // Subscribed: an update notification re-reads it.
    fireEvent.click(screen.getByRole('button', { name: 'Subscribe' }))
    await screen.findByRole('button', { name: 'Unsubscribe' })
    act(() => {
      mock.setResources([
        { uri: 'file:///notes.txt', name: 'notes', text: 'second version' },
      ])
      mock.updateResource('file:///notes.txt')
    })
    expect(await screen.findByText('second version')).toBeTruthy()
    fireEvent.change(await screen.findByRole('textbox', { name: 'user id' }), {
      target: { value: '42' },
    })
    fireEvent.click(screen.getByRole('button', { name: 'Read' }))
    expect(await screen.findByText('user 42')).toBeTruthy()
  })

  it('fills a prompt form and gets the messages', async () => {
    renderApp()
    fireEvent.click(await screen.findByRole('tab', { name: 'Prompts' }))
    fireEvent.click(await screen.findByRole('button', { name: /greet/ }))
    fireEvent.change(screen.getByRole('textbox', { name: /who/ }), {
      target: { value: 'Ada' },
    })
    fireEvent.click(screen.getByRole('button', { name: 'Get prompt' }))
    expect(await screen.findByText('Hello Ada')).toBeTruthy()
  })
})

describe('notifications', () => {
  it('lists server log messages and sets the server level', async () => {
    renderApp()
    await waitFor(() =>
      expect(screen.getByTestId('session-s1').dataset.status).toBe('ready'),
    )
    fireEvent.click(screen.getByRole('tab', { name: 'Notifications' }))
    // No level is claimed before the user sets one.
    const level = screen.getByRole('combobox', {
      name: 'Server logging level',
    }) as HTMLSelectElement
    expect(level.value).toBe('')
    expect(level.selectedOptions[0]?.textContent).toBe('(not set)')
    expect(
      (screen.getByRole('button', { name: 'Set level' }) as HTMLButtonElement)
        .disabled,
    ).toBe(true)
    fireEvent.change(level, { target: { value: 'info' } })
    fireEvent.click(screen.getByRole('button', { name: 'Set level' }))
    expect(
      await screen.findByText(/logging\/setLevel info accepted/),
    ).toBeTruthy()
    act(() =>
      mock.notify('notifications/message', {
        level: 'error',
        data: 'boom happened',
      }),
    )
    expect(await screen.findByText('boom happened')).toBeTruthy()
  })
})
