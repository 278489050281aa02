/**
 * What a caught value says, for a message on screen or in a log line: an Error's message, or the
 * value as text (a thrown string, a rejected non-Error). One place instead of a copy per screen.
 */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
