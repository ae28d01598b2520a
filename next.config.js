/** @type {import('next').NextConfig} */
module.exports = {
  // Native sockets and SSH: loaded by Node at run time, never bundled.
  serverExternalPackages: ["dockerode", "docker-modem", "ssh2", "cpu-features"],
  // A separate build folder lets two builds (e.g. a test run and a dev check) live side by side.
  distDir: process.env.VOLDECK_DIST_DIR || ".next",
  poweredByHeader: false,
  reactStrictMode: true,
};
