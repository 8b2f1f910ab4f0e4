// CPU used so far by a process, and by the PostgreSQL backends serving one database, read from
// /proc (Linux): the review benchmarks print CPU per submission for Node and for PostgreSQL.
import fs from 'node:fs'

/** CPU time (user + system) a process has used so far, in ms; 0 when it is gone. */
export function processCpuMs(pid: number | undefined): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100
  } catch {
    return 0
  }
}

/** The summed CPU of backends whose process ids a query returned (rows of `{ pid }`). */
export function backendsCpuMs(rows: Array<{ pid: number }>): number {
  return rows.reduce((sum, row) => sum + processCpuMs(row.pid), 0)
}
