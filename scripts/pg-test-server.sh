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
    as_pg "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 30 \
      -o "-c listen_addresses=127.0.0.1 -c port=$PORT -c unix_socket_directories=$DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >&2
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
  *)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
