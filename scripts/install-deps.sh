#!/usr/bin/env bash
# Installs what councilgraph's build and tests need and this machine lacks.
#
#   scripts/install-deps.sh               build and test dependencies
#   scripts/install-deps.sh --build-only  only what the build needs
#
# Build: libclang-dev (oxigraph compiles RocksDB, whose bindings bindgen
# generates with libclang). Tests: graphviz (dot), raptor2-utils (rapper) and
# serdi, independent tools that read what councilgraph writes; groff, which
# checks the manual pages; OpenLink
# Virtuoso (virtuoso-opensource-7-bin), the external store the push tests
# start on loopback; Chromium, which the tests of the served pages drive
# headless; Apache Jena (libapache-jena-java), which the cross-store tests
# load exports into; a Java runtime (default-jre-headless, only when `java`
# is missing) for Jena and Spark; and python's rdflib, networkx,
# SPARQLWrapper, pyshacl, pyoxigraph and pyspark. Debian packages come
# from apt-get (as root, or through sudo), python packages from pip. Prints
# nothing when everything is there; without root or sudo it prints what to
# install and exits 1.
set -euo pipefail

build_only=false
for arg in "$@"; do
  case "$arg" in
    --build-only) build_only=true ;;
    -h | --help)
      sed -n '2,19s/^# \{0,1\}//p' "$0"
      exit 0
      ;;
    *)
      echo "install-deps.sh: unknown option '$arg' (try --help)" >&2
      exit 2
      ;;
  esac
done

say() { echo "install-deps: $*" >&2; }

deb_installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'ok installed'; }

have_libclang() {
  if command -v dpkg-query >/dev/null 2>&1; then
    deb_installed libclang-dev
  else
    # Not Debian: bindgen finds libclang through LIBCLANG_PATH or the loader.
    [ -n "${LIBCLANG_PATH:-}" ] || ldconfig -p 2>/dev/null | grep -q 'libclang[-.0-9]*\.so'
  fi
}

# Debian packages missing: installed without recommends ...
lean=()
# ... and with them (graphviz's recommends bring the fonts it renders with).
full=()
# Python modules missing (the pip package has the module's name).
py=()

have_libclang || lean+=(libclang-dev)
if ! $build_only; then
  command -v serdi >/dev/null 2>&1 || lean+=(serdi)
  command -v rapper >/dev/null 2>&1 || lean+=(raptor2-utils)
  command -v groff >/dev/null 2>&1 || lean+=(groff-base)
  command -v virtuoso-t >/dev/null 2>&1 || lean+=(virtuoso-opensource-7-bin)
  command -v dot >/dev/null 2>&1 || full+=(graphviz)
  command -v chromium >/dev/null 2>&1 || lean+=(chromium)
  [ -e /usr/share/java/jena-arq.jar ] || lean+=(libapache-jena-java)
  # Jena and Spark (pyspark) run on Java 17 or later.
  java -version >/dev/null 2>&1 || lean+=(default-jre-headless)
  if ! command -v python3 >/dev/null 2>&1; then
    lean+=(python3 python3-pip)
    py=(rdflib networkx SPARQLWrapper pyshacl pyoxigraph pyspark)
  else
    for module in rdflib networkx SPARQLWrapper pyshacl pyoxigraph pyspark; do
      python3 -c "import $module" >/dev/null 2>&1 || py+=("$module")
    done
  fi
fi

[ ${#lean[@]} -eq 0 ] && [ ${#full[@]} -eq 0 ] && [ ${#py[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1; then
  sudo=(sudo)
else
  sudo=(none)
fi

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
failed() {
  cat "$log" >&2
  say "$1 failed (output above)"
  exit 1
}
apt_usable() { [ "${sudo[*]}" != none ] && command -v apt-get >/dev/null 2>&1; }
apt() { "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get "$@" >>"$log" 2>&1; }

debs=("${lean[@]}" "${full[@]}")
if [ ${#debs[@]} -gt 0 ]; then
  if ! apt_usable; then
    say "missing: ${debs[*]}${py[*]:+; python: ${py[*]}}"
    say "install them as root (or with sudo), for example:"
    say "  apt-get update && apt-get install -y ${debs[*]}"
    [ ${#py[@]} -eq 0 ] || say "  python3 -m pip install ${py[*]}"
    exit 1
  fi
  say "installing ${debs[*]}"
  apt update -q || failed "apt-get update"
  if [ ${#lean[@]} -gt 0 ]; then
    apt install -y -q --no-install-recommends "${lean[@]}" || failed "apt-get install ${lean[*]}"
  fi
  if [ ${#full[@]} -gt 0 ]; then
    apt install -y -q "${full[@]}" || failed "apt-get install ${full[*]}"
  fi
fi

missing_modules() {
  local module
  for module in "${py[@]}"; do
    python3 -c "import $module" >/dev/null 2>&1 || echo "$module"
  done
}

[ ${#py[@]} -eq 0 ] && exit 0
mapfile -t py < <(missing_modules)
[ ${#py[@]} -eq 0 ] && exit 0

say "installing python packages ${py[*]}"
export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_ROOT_USER_ACTION=ignore PIP_NO_INPUT=1
# A python of its own (pyenv, a venv) takes plain pip; Debian's own python
# refuses it (PEP 668) unless told otherwise, and has the modules as packages.
python3 -m pip install --quiet "${py[@]}" >>"$log" 2>&1 ||
  python3 -m pip install --quiet --break-system-packages "${py[@]}" >>"$log" 2>&1 ||
  { apt_usable && apt install -y -q --no-install-recommends "${py[@]/#/python3-}"; } ||
  true
mapfile -t py < <(missing_modules)
if [ ${#py[@]} -gt 0 ]; then
  cat "$log" >&2
  say "could not install the python packages ${py[*]} (output above); try:"
  say "  python3 -m pip install ${py[*]}"
  exit 1
fi
