/**
 * The JSON of one server-sent event, or undefined when it is not JSON (a proxy's comment, a cut line): such a
 * message is skipped rather than allowed to break the stream's handler. JSON never parses to undefined, so it
 * cannot be mistaken for a message.
 */
export function parseEventData<T>(data: string): T | undefined {
  try {
    return JSON.parse(data) as T;
  } catch {
    return undefined;
  }
}
