import { useSyncExternalStore } from 'react'

// False while the server renders and while the browser hydrates that HTML, true once our script
// runs the page: a form can then ask for what only a scripted page can use (an answer in place).
const subscribe = () => () => {}

export function useHydrated() {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  )
}
