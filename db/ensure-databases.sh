#!/usr/bin/env bash
# Creates the LearnFlow databases if they are missing (Flyway creates the tables, not the database).
# Usage: db/ensure-databases.sh [dbname ...]   (default: $LEARNFLOW_DB_NAME or learnflow, and learnflow_test)
# Connection: LEARNFLOW_DB_HOST (127.0.0.1), LEARNFLOW_DB_PORT (5432), LEARNFLOW_DB_USER (postgres),
#             LEARNFLOW_DB_PASSWORD (optional).
set -euo pipefail

host="${LEARNFLOW_DB_HOST:-127.0.0.1}"
port="${LEARNFLOW_DB_PORT:-5432}"
user="${LEARNFLOW_DB_USER:-postgres}"
if [[ -n "${LEARNFLOW_DB_PASSWORD:-}" ]]; then export PGPASSWORD="$LEARNFLOW_DB_PASSWORD"; fi

if [[ $# -eq 0 ]]; then
  set -- "${LEARNFLOW_DB_NAME:-learnflow}" "${LEARNFLOW_TEST_DB_NAME:-learnflow_test}"
fi

for db in "$@"; do
  if [[ ! "$db" =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]]; then
    echo "ensure-databases: refusing odd database name '$db'" >&2
    exit 2
  fi
  exists=$(psql -h "$host" -p "$port" -U "$user" -d postgres -w -Atc \
    "select 1 from pg_database where datname = '$db'")
  if [[ "$exists" == "1" ]]; then
    echo "ensure-databases: $db exists"
  else
    psql -h "$host" -p "$port" -U "$user" -d postgres -w -qc "create database \"$db\""
    echo "ensure-databases: created $db"
  fi
done
