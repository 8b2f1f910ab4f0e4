import fs from 'node:fs'
import path from 'node:path'

/**
 * Takes an exclusive lock on a PGlite data directory for this process, refusing when a live
 * process holds it. Returns the function that releases it.
 */
export function acquireDataDirLock(dir: string): () => void {
  const lockFile = path.join(path.dirname(path.resolve(dir)), `${path.basename(dir)}.lock`)
  try {
    fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' })
  } catch (error) {
    const holder = Number(fs.readFileSync(lockFile, 'utf8'))
    if (holder && holder !== process.pid && isAlive(holder)) {
      throw new Error(
        `The database folder ${dir} is in use by process ${holder}. Stop it first (two processes on one PGlite folder corrupt it).`,
        { cause: error },
      )
    }
    fs.writeFileSync(lockFile, String(process.pid))
  }
  return () => {
    try {
      if (fs.readFileSync(lockFile, 'utf8') === String(process.pid)) fs.unlinkSync(lockFile)
    } catch {
      // already gone
    }
  }
}

function isAlive(pid: number) {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
