import { defaultPath } from '~/lessons/paths.server'

// Which onboarding path a new hire joins. Paths are content; the default one is marked in its file.
export async function defaultPathSlug(): Promise<string> {
  return (await defaultPath()).slug
}
