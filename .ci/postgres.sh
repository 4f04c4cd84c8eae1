#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests and the load benchmark.
#
#   eval "$(.ci/postgres.sh start)"   # a new cluster; exports FACTDRILL_TEST_POSTGRES
#                                     # (its URL) and FACTDRILL_PG_DIR (its folder)
#   .ci/postgres.sh stop "$FACTDRILL_PG_DIR"
#
# The cluster lives in a temporary folder, listens on a free port of
# 127.0.0.1 and on a unix socket in that folder, and trusts local
# connections: it is for tests, never for data. Its commits skip fsync
# (the tests kill app servers, not the database) unless FACTDRILL_PG_DURABLE=1,
# which the load benchmark sets so that PostgreSQL commits as durably as
# SQLite's synchronous=FULL. Run as root, the cluster runs as the postgres
# user, as initdb requires. PostgreSQL itself comes from Debian's
# postgresql package (.ci/run installs it when missing).
set -euo pipefail

bindir() {
	local d
	for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r) ; do
		[ -x "$d/initdb" ] && { echo "$d"; return; }
	done
	command -v initdb >/dev/null 2>&1 && { dirname "$(command -v initdb)"; return; }
	echo "postgres.sh: no PostgreSQL found (apt-get install postgresql)" >&2
	exit 1
}

# as runs a command as the cluster's owner: postgres when we are root.
as() {
	if [ "$(id -u)" -eq 0 ]; then
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}

start() {
	local bin dir port log
	bin=$(bindir)
	dir=$(mktemp -d /tmp/factdrill-pg.XXXXXX)
	chmod 755 "$dir"
	[ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
	as "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
		{ cat "$dir/initdb.log" >&2; exit 1; }
	local durable="off"
	[ "${FACTDRILL_PG_DURABLE:-}" = 1 ] && durable="on"
	cat >>"$dir/data/postgresql.conf" <<-EOF
		listen_addresses = '127.0.0.1'
		unix_socket_directories = '$dir'
		max_connections = 400
		shared_buffers = 128MB
		fsync = $durable
		synchronous_commit = $durable
		full_page_writes = $durable
		log_min_messages = warning
	EOF
	# A free port: try a few at random, since another test run may take
	# the one we found between the look and the start.
	for _ in 1 2 3 4 5 6 7 8; do
		port=$(shuf -i 20000-60000 -n 1)
		(exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && continue
		if as "$bin/pg_ctl" -D "$dir/data" -o "-p $port" -l "$dir/server.log" -w -t 60 start >/dev/null; then
			echo "export FACTDRILL_TEST_POSTGRES='postgres://postgres@127.0.0.1:$port/postgres?sslmode=disable'"
			echo "export FACTDRILL_PG_DIR='$dir'"
			return
		fi
	done
	cat "$dir/server.log" >&2
	echo "postgres.sh: the cluster in $dir did not start" >&2
	exit 1
}

stop() {
	local dir=${1:?usage: postgres.sh stop DIR}
	[ -d "$dir/data" ] || { echo "postgres.sh: $dir holds no cluster" >&2; exit 1; }
	as "$(bindir)/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null || true
	rm -rf "$dir"
}

case "${1:-}" in
start) start ;;
stop) stop "${2:-}" ;;
*) echo "usage: postgres.sh start | stop DIR" >&2; exit 2 ;;
esac
