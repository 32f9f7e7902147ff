/**
 * Yields to the event loop. PGlite runs on the main thread, so a long import pauses between
 * chunks of work to let the server answer other requests (and poll requests for its progress).
 */
export const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));
