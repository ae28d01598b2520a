import "server-only";
import { createRequire } from "node:module";

// docker-modem follows up to five HTTP redirects, to any URL, with its own copy of an old follow-redirects
// (docker-modem/lib/http.js): an engine address that points at a web server answering 302 would make the
// console send GET requests wherever that server says (and on to https, other hosts, other ports). A Docker
// engine never redirects. That module reads `maxRedirects` from its exports at every request, so setting it
// once here applies to every client (the same module instance: docker-modem is a server-external package,
// loaded by Node from node_modules). With 0, a redirect is refused before it is followed.
const require = createRequire(import.meta.url);
(require("docker-modem/lib/http.js") as { maxRedirects: number }).maxRedirects = 0;
