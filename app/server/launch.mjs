// `npm start`: runs the compiled server, building it first when there is no build yet (a fresh
// clone). Plain JavaScript on purpose: nothing here needs a TypeScript loader.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

const buildDir = path.resolve(process.env.RAPPORT_BUILD_DIR ?? 'build')
const server = path.join(buildDir, 'server.js')

if (!fs.existsSync(server) || !fs.existsSync(path.join(buildDir, 'index.js'))) {
  console.log('No production build yet; building once…')
  const built = spawnSync('npm', ['run', '-s', 'build'], { stdio: 'inherit' })
  if (built.status !== 0) process.exit(built.status ?? 1)
}

await import(pathToFileURL(server).href)
