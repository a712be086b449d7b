#!/usr/bin/env bash
# Checks k8s/ against the services it deploys (k8s/check/check.py says what is checked and why).
#   k8s/check.sh              check the manifests, alert rules and dashboard
#   k8s/check.sh --self-test  break copies of k8s/ in a temp dir and expect every break to be caught
# Installs what it needs with apt-get when missing (CI starts from a clean Debian machine).
set -euo pipefail
cd "$(dirname "$0")/.."

install_missing() {  # install_missing <command> <apt package>
  command -v "$1" >/dev/null 2>&1 && return 0
  echo "k8s check: $1 is missing; installing the $2 package" >&2
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  if ! { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$2"; } >&2; then
    echo "k8s check: could not install $2 with apt-get. kubectl comes from the Kubernetes apt repository" \
         "(https://pkgs.k8s.io, see kubernetes.io/docs/tasks/tools/install-kubectl-linux); promtool from Debian's prometheus package." >&2
    exit 2
  fi
}

install_missing kubectl kubectl
install_missing promtool prometheus
install_missing /usr/bin/python3 python3
export PYTHONDONTWRITEBYTECODE=1  # no __pycache__ left in the work tree
exec /usr/bin/python3 k8s/check/check.py "$@"
