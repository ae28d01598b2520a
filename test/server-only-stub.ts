// Unit tests import server modules directly; "server-only" only guards the browser bundle.
export {};
