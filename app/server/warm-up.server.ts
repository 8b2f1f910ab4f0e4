import type { Database } from '#db/client.server'

/** Work done once at start so no request pays for it (e.g. compiling lessons). */
export async function warmUp(_database: Database) {}
