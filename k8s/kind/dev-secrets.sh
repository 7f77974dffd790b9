#!/usr/bin/env bash
# Creates, once, the Secrets that the kind overlay references, with fresh random values (nothing secret is in
# the repository). Run by the Tiltfile before it applies the manifests; safe to run again (existing Secrets are
# kept, so the database password keeps matching the PostgreSQL volume). Delete a Secret to regenerate it.
# Usage: k8s/kind/dev-secrets.sh [namespace] [kube-context]
set -euo pipefail
NS=${1:-learnflow}
CONTEXT=${2:-kind-learnflow}

kc() { kubectl --context "$CONTEXT" "$@"; }
random() { openssl rand -hex "$1"; }
exists() { kc -n "$NS" get secret "$1" >/dev/null 2>&1; }

# ensure_secret NAME KEY=VALUE... file:KEY=PATH...
ensure_secret() {
  local name=$1; shift
  if exists "$name"; then
    echo "secret $name: kept"
    return
  fi
  local args=() kv
  for kv in "$@"; do
    case "$kv" in
      file:*) args+=("--from-file=${kv#file:}") ;;
      *) args+=("--from-literal=$kv") ;;
    esac
  done
  kc -n "$NS" create secret generic "$name" "${args[@]}" >/dev/null
  kc -n "$NS" label secret "$name" app.kubernetes.io/part-of=learnflow >/dev/null
  echo "secret $name: created"
}

kc create namespace "$NS" --dry-run=client -o yaml | kc apply -f - >/dev/null

# One password for the in-cluster PostgreSQL, shared by the services (learnflow-db) and Dapr's state store.
if exists learnflow-db; then
  db_password=$(kc -n "$NS" get secret learnflow-db -o jsonpath='{.data.password}' | base64 -d)
else
  db_password=$(random 24)
fi
ensure_secret learnflow-db host=postgres port=5432 name=learnflow user=learnflow "password=$db_password"
ensure_secret learnflow-state \
  "connectionString=host=postgres port=5432 user=learnflow password=$db_password dbname=learnflow sslmode=disable"
ensure_secret learnflow-kafka brokers=kafka:9092

# RS256 key pair for the gateway's tokens (websocket gets the public half).
if ! exists learnflow-jwt; then
  keys=$(mktemp -d)
  trap 'rm -rf "$keys"' EXIT
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$keys/jwt-private.pem" 2>/dev/null
  openssl pkey -in "$keys/jwt-private.pem" -pubout -out "$keys/jwt-public.pem"
  ensure_secret learnflow-jwt "file:jwt-private.pem=$keys/jwt-private.pem" "file:jwt-public.pem=$keys/jwt-public.pem"
fi

# Dapr's token pair: daprd -> app (APP_API_TOKEN) and app -> daprd (DAPR_API_TOKEN). Dapr reads the key "token".
ensure_secret learnflow-app-token "token=$(random 32)"
ensure_secret learnflow-dapr-api-token "token=$(random 32)"
