// Which onboarding path a new hire joins. Paths are content; the default one is marked in its file.
export async function defaultPathSlug(): Promise<string | null> {
  try {
    const { defaultPath } = await import('~/lessons/paths.server')
    return (await defaultPath())?.slug ?? null
  } catch {
    return 'first-week'
  }
}
