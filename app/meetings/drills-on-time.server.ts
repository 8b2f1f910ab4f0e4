// The agenda's "drills done on time" figure, taken from the drills' own team × month rollup (read
// with the team's insights). A team with no drill due that month shows "not available" rather than 0 %.
export type DrillsOnTime = { available: false } | { available: true; due: number; doneOnTime: number; share: number | null }
