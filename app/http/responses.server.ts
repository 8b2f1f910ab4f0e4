// Thrown responses let domain functions refuse a request wherever they are called from;
// Remix turns them into the right status and the error boundary shows a helpful page.
export function forbidden(message = 'You do not have access to this.'): never {
  throw new Response(message, { status: 403, statusText: 'Forbidden' })
}

export function notFound(message = 'We could not find that.'): never {
  throw new Response(message, { status: 404, statusText: 'Not Found' })
}

export function invariantResponse(
  condition: unknown,
  message: string,
  init: ResponseInit = { status: 400 },
): asserts condition {
  if (!condition) throw new Response(message, init)
}
