#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the server test run (npm run test:pg):
#   eval "$(scripts/pg-cluster.sh start)"   starts one in a new temporary folder and prints the exports;
#   scripts/pg-cluster.sh stop <dir>        stops it and removes the folder.
# It listens on 127.0.0.1 only, without fsync (its data is thrown away), with trust authentication for local tests
# (but for the user plattform_password, who must give a password).
set -euo pipefail

find_bin() {
  command -v "$1" 2>/dev/null && return
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin/"$1" 2>/dev/null | sort -V | tail -n 1 || true)
  [ -n "$found" ] && echo "$found" && return
  echo "scripts/pg-cluster.sh: $1 not found (install PostgreSQL, e.g. apt-get install postgresql)" >&2
  exit 1
}

as_owner() {
  # initdb and postgres refuse to run as root: as root, the cluster belongs to the postgres user.
  if [ "$(id -u)" = 0 ]; then
    # Where /dev/null is not writable by others, initdb fails as another user: a private mount namespace with a
    # world-writable null device of its own fixes that for this command only.
    if [ -n "$(find /dev/null -perm -o+w 2>/dev/null)" ]; then
      runuser -u postgres -- "$@"
    else
      local null status=0
      null=$(mktemp)
      chmod 666 "$null"
      unshare -m sh -c 'mount --bind "$0" /dev/null && exec runuser -u postgres -- "$@"' "$null" "$@" || status=$?
      rm -f "$null"
      return "$status"
    fi
  else
    "$@"
  fi
}

case "${1:-}" in
start)
  initdb=$(find_bin initdb)
  pg_ctl=$(find_bin pg_ctl)
  dir=$(mktemp -d "${TMPDIR:-/tmp}/plattform-pg.XXXXXX")
  port=${PLATTFORM_PG_PORT:-$(( 20000 + RANDOM % 20000 ))}
  [ "$(id -u)" = 0 ] && chown postgres "$dir"
  as_owner "$initdb" -D "$dir/data" -A trust -U plattform -E UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1 ||
    { cat "$dir/initdb.log" >&2; exit 1; }
  # One user must give a password (the tests of PGPASSWORD and ~/.pgpass create it); everyone else is trusted.
  hba="$dir/data/pg_hba.conf"
  { echo "host all plattform_password 127.0.0.1/32 scram-sha-256"; cat "$hba"; } >"$hba.new" && mv "$hba.new" "$hba"
  [ "$(id -u)" = 0 ] && chown postgres "$hba"
  as_owner "$pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
    -o "-p $port -c listen_addresses=127.0.0.1 -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
  echo "export PLATTFORM_TEST_PG=postgres://plattform@127.0.0.1:$port"
  echo "export PLATTFORM_PG_DIR=$dir"
  ;;
stop)
  dir=${2:?usage: scripts/pg-cluster.sh stop <dir>}
  pg_ctl=$(find_bin pg_ctl)
  as_owner "$pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
  ;;
*)
  echo "usage: scripts/pg-cluster.sh start | stop <dir>" >&2
  exit 2
  ;;
esac
