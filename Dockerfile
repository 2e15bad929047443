# syntax=docker/dockerfile:1
# Multi-stage build: the web app (Node), the API (Rust), then a small runtime image that runs as
# a non-root user. Build: docker build -t sspr .   Run: see docker-compose.yml.

FROM node:20-bookworm-slim AS web
WORKDIR /src/web-ui
COPY web-ui/package.json web-ui/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY openapi/ /src/openapi/
COPY web-ui/ ./
RUN npm run build

FROM rust:1.95-bookworm AS api
RUN apt-get update \
 && apt-get install -y --no-install-recommends libpq-dev \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY Cargo.toml Cargo.lock clippy.toml ./
# The build settings of the workspace (SQLite built with its planner stability guarantee).
COPY .cargo/ .cargo/
COPY api/ api/
COPY migrations/ migrations/
RUN cargo build --release --locked -p sspr-api --bin sspr

FROM debian:bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends libpq5 ca-certificates curl \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home-dir /var/lib/sspr --shell /usr/sbin/nologin sspr \
 && mkdir -p /var/lib/sspr \
 && chown sspr:sspr /var/lib/sspr
COPY --from=api /src/target/release/sspr /usr/local/bin/sspr
COPY --from=web /src/web-ui/dist /usr/share/sspr/web
ENV SSPR_BIND=0.0.0.0:8080 \
    SSPR_METRICS_BIND=0.0.0.0:9464 \
    SSPR_DATA_DIR=/var/lib/sspr \
    SSPR_WEB_DIR=/usr/share/sspr/web \
    SSPR_LOG_FORMAT=json
USER sspr
# 9464 is /metrics: publish it only to your monitoring network.
EXPOSE 8080 9464
VOLUME ["/var/lib/sspr"]
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
  CMD curl -fsS http://127.0.0.1:8080/api/v1/health || exit 1
ENTRYPOINT ["/usr/local/bin/sspr"]
