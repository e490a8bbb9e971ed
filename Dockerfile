# Afterscan: the bot server on Node 20 (Debian bookworm, slim).
# Build: docker build -t afterscan .
# Run:   docker run -p 3978:3978 -v afterscan-data:/data -e MicrosoftAppId=... -e MicrosoftAppPassword=... afterscan

# --- build stage: dev dependencies and compilers (better-sqlite3 builds a native addon) ---
FROM node:20-bookworm-slim AS build
WORKDIR /app
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
# botbuilder-dialogs' postinstall runs `npx rimraf`; without this npx waits for a "yes".
ENV npm_config_yes=true
COPY package.json package-lock.json .npmrc ./
RUN npm ci
COPY tsconfig.json ./
COPY src ./src
COPY dialogs ./dialogs
COPY scripts ./scripts
COPY bench ./bench
RUN npx tsc -b && npm prune --omit=dev

# --- runtime stage: compiled code, production dependencies, texts and the page; no compilers ---
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    PORT=3978 \
    DATA_DIR=/data
WORKDIR /app
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY locales ./locales
# The PostgreSQL schema's versioned SQL files (applied at start-up when DATABASE_URL is set).
COPY migrations ./migrations
COPY public ./public
# The image's own unprivileged user; the SQLite state lives on the volume it owns.
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3978
# Node 20 has fetch built in, so the check needs no curl or wget in the image.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3978)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# Exec form: node is PID 1 and gets SIGTERM itself (graceful shutdown within SHUTDOWN_TIMEOUT_MS).
# --disable-warning=DEP0111: restify's spdy dependency (http-deceiver) touches process.binding('http_parser').
CMD ["node", "--disable-warning=DEP0111", "dist/src/index.js"]
