# Starts a throwaway PostgreSQL server on loopback for the tests (sourced).
# Sets TEST_POSTGRES_URL (a superuser URL for creating test databases) and
# stops the server when the calling script exits.
start_test_postgres() {
  local pgbin port owner
  pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  port=${TEST_POSTGRES_PORT:-55432}
  PG_TEST_DIR=$(mktemp -d /tmp/agora-pg.XXXXXX)
  owner=$(id -un)
  local run=()
  if [ "$(id -u)" -eq 0 ]; then  # PostgreSQL refuses to run as root
    owner=postgres
    chown postgres: "$PG_TEST_DIR"
    run=(runuser -u postgres --)
  fi
  "${run[@]}" "$pgbin/initdb" -D "$PG_TEST_DIR/data" -A trust -U postgres -E UTF8 --no-locale >"$PG_TEST_DIR/initdb.log" 2>&1 \
    || { cat "$PG_TEST_DIR/initdb.log"; return 1; }
  "${run[@]}" "$pgbin/pg_ctl" -D "$PG_TEST_DIR/data" -l "$PG_TEST_DIR/server.log" -w -t 30 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $PG_TEST_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
    start >/dev/null || { cat "$PG_TEST_DIR/server.log"; return 1; }
  export TEST_POSTGRES_URL="postgres://postgres@127.0.0.1:$port/postgres"
  PG_TEST_STOP=("${run[@]}" "$pgbin/pg_ctl" -D "$PG_TEST_DIR/data" -m immediate stop)
  trap stop_test_postgres EXIT
  echo "PostgreSQL $("$pgbin/postgres" --version | awk '{print $3}') for tests on 127.0.0.1:$port"
}

stop_test_postgres() {
  [ -n "${PG_TEST_DIR:-}" ] || return 0
  "${PG_TEST_STOP[@]}" >/dev/null 2>&1 || true
  rm -rf "$PG_TEST_DIR"
  PG_TEST_DIR=""
}
