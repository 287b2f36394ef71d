#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for tests and development: Debian's PostgreSQL 15 binaries,
# data and unix socket in one directory, no TCP port (nothing to collide with other services).
#
#   scripts/pg-cluster.sh start   # prints the DATABASE_URL of its `postgres` database
#   scripts/pg-cluster.sh url     # the same URL, if it is running
#   scripts/pg-cluster.sh restart # the same cluster and data, started again with the settings below
#   scripts/pg-cluster.sh stop    # stops it (and its replica) and deletes the directories
#   scripts/pg-cluster.sh replica # a streaming replica of it (pg_basebackup -R), prints its URL
#   scripts/pg-cluster.sh replica-url
#
# KBF_PG_DIR chooses the directory (default /tmp/kbf-pg); the replica lives in
# KBF_PG_REPLICA_DIR (default: the same path with -replica), with its own socket there. Run as root, the cluster runs as the
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

RDIR="${KBF_PG_REPLICA_DIR:-${DIR}-replica}"
# Tests make and drop a database per file; durability is not the point of this cluster. A hot
# standby needs max_connections at least the primary's, so both take the same settings.
# KBF_PG_SHARED_BUFFERS (default 128MB, PostgreSQL's own) sizes the buffer cache: the national
# registry's figures take one that holds it (3GB for 3,000,000 locations; tests/bench/RESULTS.md).
SETTINGS="-c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 -c shared_buffers=${KBF_PG_SHARED_BUFFERS:-128MB}"
url() { echo "postgres://${OWNER}@/postgres?host=${1:-$DIR}"; }

stop_replica() {
  if [ -d "$RDIR/data" ]; then
    as_owner "$BIN/pg_ctl" -D "$RDIR/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$RDIR"
}

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
    as_owner "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w start -o "-k $DIR $SETTINGS" >/dev/null
    url
    ;;
  restart)
    # Keeps the data (unlike stop + start): to apply other settings, e.g. KBF_PG_SHARED_BUFFERS.
    as_owner "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w restart -o "-k $DIR $SETTINGS" >/dev/null
    url
    ;;
  url)
    url
    ;;
  replica)
    as_owner "$BIN/pg_ctl" -D "$DIR/data" status >/dev/null 2>&1 || { echo "no cluster running in $DIR: $0 start" >&2; exit 1; }
    stop_replica
    mkdir -p "$RDIR"
    chmod 755 "$RDIR"
    [ "$(id -u)" -eq 0 ] && chown "$OWNER" "$RDIR"
    # A copy of the running primary over its socket, WAL streamed alongside; -R writes
    # primary_conninfo and standby.signal, so the copy starts as a hot standby that keeps
    # following the primary (initdb's pg_hba already trusts local replication connections).
    as_owner "$BIN/pg_basebackup" -h "$DIR" -U "$OWNER" -D "$RDIR/data" -R -X stream -c fast >"$RDIR/basebackup.log" 2>&1
    as_owner "$BIN/pg_ctl" -D "$RDIR/data" -l "$RDIR/server.log" -w start \
      -o "-k $RDIR $SETTINGS -c hot_standby=on" >/dev/null
    url "$RDIR"
    ;;
  replica-url)
    url "$RDIR"
    ;;
  stop)
    stop_replica
    if [ -d "$DIR/data" ]; then
      as_owner "$BIN/pg_ctl" -D "$DIR/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$DIR"
    ;;
  *)
    echo "usage: $0 start|restart|url|replica|replica-url|stop" >&2
    exit 2
    ;;
esac
