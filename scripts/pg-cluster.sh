#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for tests and development: Debian's PostgreSQL 15 binaries,
# data and unix socket in one directory, no TCP port (nothing to collide with other services).
#
#   scripts/pg-cluster.sh start   # prints the DATABASE_URL of its `postgres` database
#   scripts/pg-cluster.sh url     # the same URL, if it is running
#   scripts/pg-cluster.sh stop    # stops it and deletes the directory
#
# KBF_PG_DIR chooses the directory (default /tmp/kbf-pg). Run as root, the cluster runs as the
# unprivileged `postgres` user (initdb refuses root); otherwise as the calling user.
set -euo pipefail

DIR="${KBF_PG_DIR:-/tmp/kbf-pg}"
BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
[ -x "$BIN/initdb" ] || { echo "PostgreSQL 15 not found in $BIN: sudo apt-get install -y postgresql postgresql-15-postgis-3" >&2; exit 1; }

if [ "$(id -u)" -eq 0 ]; then
  OWNER=postgres
  as_owner() { runuser -u postgres -- "$@"; }
else
  OWNER="$(id -un)"
  as_owner() { "$@"; }
fi

url() { echo "postgres://${OWNER}@/postgres?host=${DIR}"; }

case "${1:-}" in
  start)
    if [ -f "$DIR/data/postmaster.pid" ] && as_owner "$BIN/pg_ctl" -D "$DIR/data" status >/dev/null 2>&1; then
      url
      exit 0
    fi
    rm -rf "$DIR"
    mkdir -p "$DIR"
    chmod 755 "$DIR"
    [ "$(id -u)" -eq 0 ] && chown "$OWNER" "$DIR"
    as_owner "$BIN/initdb" -D "$DIR/data" -U "$OWNER" --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$DIR/initdb.log"
    # Tests make and drop a database per file; durability is not the point of this cluster.
    as_owner "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w start \
      -o "-c listen_addresses='' -k $DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" >/dev/null
    url
    ;;
  url)
    url
    ;;
  stop)
    if [ -d "$DIR/data" ]; then
      as_owner "$BIN/pg_ctl" -D "$DIR/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$DIR"
    ;;
  *)
    echo "usage: $0 start|url|stop" >&2
    exit 2
    ;;
esac
