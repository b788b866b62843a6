#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster on a loopback port, for the store tests.
#   tools/pg_test_cluster.sh start   -> prints the URL (postgres://vanban@127.0.0.1:PORT/vanban_test)
#   tools/pg_test_cluster.sh stop    -> stops it and deletes its files
# Installs postgresql-15 when missing. The server never runs as root: when
# called as root it runs as the 'postgres' system user. PGTEST_DIR and
# PGTEST_PORT change where it lives (default /tmp/vanban-pg, 54329).
set -euo pipefail
dir=${PGTEST_DIR:-/tmp/vanban-pg}
port=${PGTEST_PORT:-54329}
bin=/usr/lib/postgresql/15/bin
as_user=()
if [ "$(id -u)" -eq 0 ]; then as_user=(runuser -u postgres --); fi

case "${1:-}" in
start)
  if [ ! -x "$bin/initdb" ]; then
    sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq >&2
    $sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 >&2
  fi
  if [ -f "$dir/postmaster.pid" ]; then "${as_user[@]}" "$bin/pg_ctl" -D "$dir" stop -m fast >&2 || true; fi
  rm -rf "$dir" && mkdir -p "$dir"
  [ ${#as_user[@]} -gt 0 ] && chown postgres "$dir"
  "${as_user[@]}" "$bin/initdb" -D "$dir" -U vanban --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  "${as_user[@]}" "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off" start >&2
  "${as_user[@]}" "$bin/createdb" -h 127.0.0.1 -p "$port" -U vanban vanban_test
  echo "postgres://vanban@127.0.0.1:$port/vanban_test"
  ;;
stop)
  if [ -f "$dir/postmaster.pid" ]; then "${as_user[@]}" "$bin/pg_ctl" -D "$dir" stop -m fast >&2 || true; fi
  rm -rf "$dir"
  ;;
*)
  echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
