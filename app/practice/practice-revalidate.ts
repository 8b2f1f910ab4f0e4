// Client-safe (shouldRevalidate runs in the browser): autosaving a draft changes nothing the
// scenario page shows, so it need not reload the page's data after every pause in typing.
export function practiceShouldRevalidate({
  formData,
  defaultShouldRevalidate,
}: {
  formData?: FormData
  defaultShouldRevalidate: boolean
}) {
  if (formData?.get('intent') === 'save-draft') return false
  return defaultShouldRevalidate
}
