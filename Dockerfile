# Voldeck as one container: the production server only, talking to the engine through the mounted socket.
# Build: docker build -t voldeck .   Run: see compose.yaml and the README ("Run it in a container").

# --- builder: install everything (dev dependencies included), build Next.js, then drop the dev dependencies.
FROM node:22-bookworm-slim AS builder
# .prebuild-installrc builds better-sqlite3 from source (no prebuilt binary from outside the npm registry): that
# needs a compiler and python3 for node-gyp.
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends python3 make g++ ca-certificates \
 && rm -rf /var/lib/apt/lists/*
# The node image carries Node's headers under /usr/local/include/node: node-gyp uses them instead of
# downloading them from nodejs.org.
ENV npm_config_nodedir=/usr/local NEXT_TELEMETRY_DISABLED=1
WORKDIR /app
COPY package.json package-lock.json .prebuild-installrc ./
RUN npm ci --no-audit --no-fund
COPY . .
# The build cache is of no use at run time.
RUN npx next build && rm -rf .next/cache && npm prune --omit=dev --no-audit --no-fund

# --- runtime: Node, restic and rclone from Debian, the built app; no compiler, no dev dependencies.
FROM node:22-bookworm-slim
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends restic rclone ca-certificates tini libjemalloc2 \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=builder --chown=root:root /app/package.json /app/next.config.js ./
COPY --from=builder --chown=root:root /app/node_modules ./node_modules
COPY --from=builder --chown=root:root /app/.next ./.next
COPY --from=builder --chown=root:root /app/scripts/start.mjs /app/scripts/start.sh ./scripts/
COPY --from=builder --chown=root:root /app/scripts/server ./scripts/server
# The state (users, sessions, audit, backups catalogue) lives in /data, a volume owned by the unprivileged
# "node" user of the base image. The app files stay root's: the server cannot rewrite its own code.
RUN mkdir -p /data && chown node:node /data
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    HOST=0.0.0.0 \
    PORT=3000 \
    VOLDECK_DATA_DIR=/data
USER node
VOLUME /data
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 CMD ["node", "scripts/server/healthcheck.mjs"]
# tini reaps the restic/rclone children and passes SIGTERM on, so `docker stop` is a clean stop.
ENTRYPOINT ["/usr/bin/tini", "--"]
# As `npm start`: scripts/start.sh runs node with jemalloc (installed above; VOLDECK_ALLOCATOR=system opts out).
CMD ["sh", "scripts/start.sh"]
