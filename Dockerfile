# The `resilience` CLI as a container image:
#   docker build -t resilience .
#   docker run --rm -v "$PWD:/plans:ro" resilience resilience simulate /plans/x.plan.json --json
# Three stages: production dependencies only; a build stage that bundles the CLI (npm run build:cli
# writes dist/cli, stamped with the sources, so the image never bundles at start-up); and the
# runtime, which holds those two and the sources the stamp covers, and runs as the unprivileged
# `node` user. Base images are pinned to an exact Node release.

FROM node:20.19.5-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
# .npmrc sets ignore-scripts: no dependency's install script runs (electron's would download a binary).
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force

FROM node:20.19.5-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci --ignore-scripts
COPY tsconfig.json ./
COPY sim ./sim
RUN npm run build:cli

FROM node:20.19.5-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/sim ./sim
COPY --from=build /app/dist/cli ./dist/cli
RUN ln -s /app/sim/entry/resilience.mjs /usr/local/bin/resilience && chmod 0755 /app/sim/entry/resilience.mjs
USER node
WORKDIR /work
CMD ["resilience", "--help"]
