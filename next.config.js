/** @type {import('next').NextConfig} */
module.exports = {
  // Native sockets and SSH: loaded by Node at run time, never bundled.
  serverExternalPackages: ["dockerode", "docker-modem", "ssh2", "cpu-features"],
  poweredByHeader: false,
  reactStrictMode: true,
};
