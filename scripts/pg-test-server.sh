#!/usr/bin/env bash
# Start or stop a throw-away PostgreSQL server for the API tests.
#   scripts/pg-test-server.sh start   → prints DATABASE_URL=postgres://… on stdout (last line)
#   scripts/pg-test-server.sh stop
# Installs Debian's postgresql when the server binaries are missing. initdb refuses root, so the
# cluster belongs to the `postgres` user; it listens on 127.0.0.1 on a free port, in a temp dir.
set -euo pipefail
STATE_FILE="${PG_TEST_STATE:-/tmp/pt-pg-test.state}"

find_bin() {
  for v in 17 16 15 14; do
    if [ -x "/usr/lib/postgresql/$v/bin/pg_ctl" ]; then echo "/usr/lib/postgresql/$v/bin"; return 0; fi
  done
  return 1
}

as_pg() {
  if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# fast but not crash-safe by default; PG_DURABLE=1 (the outage test, which kills the server) keeps every commit
start_server() {
  local speed="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  [ "${PG_DURABLE:-}" = "1" ] && speed=""
  as_pg "$1/pg_ctl" -D "$2/data" -l "$2/server.log" -w -t 30 \
    -o "-c listen_addresses=127.0.0.1 -c port=$3 -c unix_socket_directories=$2 $speed -c max_connections=200" start >&2
}

case "${1:-}" in
  start)
    BIN=$(find_bin || true)
    if [ -z "$BIN" ]; then
      echo "PostgreSQL server binaries missing: installing postgresql with apt-get" >&2
      (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >&2
      BIN=$(find_bin)
    fi
    if [ "$(id -u)" = "0" ] && ! id postgres >/dev/null 2>&1; then
      useradd --system --home /var/lib/postgresql --shell /bin/bash postgres
    fi
    DIR=$(mktemp -d /tmp/pt-pg-XXXXXX)
    chmod 755 "$DIR"
    [ "$(id -u)" = "0" ] && chown postgres "$DIR"
    PORT=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
    as_pg "$BIN/initdb" -D "$DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    start_server "$BIN" "$DIR" "$PORT"
    as_pg "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres pt_test
    printf 'BIN=%s\nDIR=%s\nPORT=%s\n' "$BIN" "$DIR" "$PORT" > "$STATE_FILE"
    echo "DATABASE_URL=postgres://postgres@127.0.0.1:$PORT/pt_test"
    ;;
  stop)
    [ -f "$STATE_FILE" ] || exit 0
    # shellcheck disable=SC1090
    . "$STATE_FILE"
    as_pg "$BIN/pg_ctl" -D "$DIR/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$DIR" "$STATE_FILE"
    ;;
  kill)
    # a crash: SIGKILL to the postmaster and every backend of it (the outage tests)
    # shellcheck disable=SC1090
    . "$STATE_FILE"
    PID=$(head -1 "$DIR/data/postmaster.pid")
    CHILDREN=$(pgrep -P "$PID" || true)
    # shellcheck disable=SC2086
    kill -9 "$PID" $CHILDREN 2>/dev/null || true
    for _ in $(seq 1 100); do
      # shellcheck disable=SC2086
      kill -0 "$PID" $CHILDREN 2>/dev/null || break
      sleep 0.05
    done
    ;;
  restart)
    # shellcheck disable=SC1090
    . "$STATE_FILE"
    rm -f "$DIR/data/postmaster.pid"
    start_server "$BIN" "$DIR" "$PORT"
    ;;
  *)
    echo "usage: $0 start|stop|kill|restart" >&2
    exit 2
    ;;
esac
