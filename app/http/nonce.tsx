import { createContext, useContext } from 'react'

// The Content-Security-Policy nonce of the response being rendered. On the server it comes from
// the load context; in the browser it is empty (browsers hide nonces from the DOM after loading).
const NonceContext = createContext('')

export const NonceProvider = NonceContext.Provider
export const useNonce = () => useContext(NonceContext)
