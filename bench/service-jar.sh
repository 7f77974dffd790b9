# Sourced by the bench scripts (bash): moves to the repository root and offers service_jar.
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# service_jar NAME: the path of services/NAME's runnable jar, built first (with what it needs) when it is missing.
service_jar() {
  local jar="services/$1/target/quarkus-app/quarkus-run.jar"
  if [ ! -f "$jar" ]; then
    mvn -B -q -pl "services/$1" -am install -DskipTests >&2
  fi
  echo "$jar"
}
