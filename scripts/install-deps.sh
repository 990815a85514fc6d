#!/usr/bin/env bash
# Installs what councilgraph needs and is missing.
#   --build-only   only what the build needs (libclang-dev, for RocksDB's bindgen)
# Otherwise also the test tools: graphviz (dot), raptor2-utils (rapper),
# serdi, OpenLink Virtuoso (for the push tests), and python rdflib and networkx. Quiet and quick when everything is present.
set -euo pipefail

build_only=false
[ "${1:-}" = "--build-only" ] && build_only=true

need_apt=()
have_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }

have_pkg libclang-dev || need_apt+=(libclang-dev)
if ! $build_only; then
  command -v dot >/dev/null 2>&1 || need_apt+=(graphviz)
  command -v rapper >/dev/null 2>&1 || need_apt+=(raptor2-utils)
  command -v serdi >/dev/null 2>&1 || need_apt+=(serdi)
  command -v virtuoso-t >/dev/null 2>&1 || need_apt+=(virtuoso-opensource-7-bin)
fi

if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then sudo=""; elif command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
    echo "councilgraph: please install these Debian packages first: ${need_apt[*]}" >&2
    echo "  apt-get install -y ${need_apt[*]}" >&2
    exit 1
  fi
  echo "installing ${need_apt[*]} ..." >&2
  $sudo apt-get update -qq
  # graphviz with its recommended fonts; the rest without recommends
  with_rec=(); without_rec=()
  for p in "${need_apt[@]}"; do if [ "$p" = graphviz ]; then with_rec+=("$p"); else without_rec+=("$p"); fi; done
  [ ${#without_rec[@]} -eq 0 ] || DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${without_rec[@]}" >/dev/null
  [ ${#with_rec[@]} -eq 0 ] || DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${with_rec[@]}" >/dev/null
fi

if ! $build_only && ! python3 -c "import rdflib, networkx" >/dev/null 2>&1; then
  echo "installing rdflib ..." >&2
  python3 -m pip install --quiet rdflib networkx || {
    echo "councilgraph: could not install rdflib and networkx: run 'python3 -m pip install rdflib networkx'" >&2
    exit 1
  }
fi
