#!/usr/bin/env bash
# Installs what the tests need from Debian's packages, where missing: dockerd (docker.io), a static
# busybox for the test image (busybox-static), and Chromium for the end-to-end tests.
set -euo pipefail
missing=()
command -v dockerd >/dev/null 2>&1 || missing+=(docker.io)
dpkg -s busybox-static >/dev/null 2>&1 || missing+=(busybox-static)
[ -x /usr/bin/chromium ] || missing+=(chromium)
# SSH engines are tested through a private sshd on 127.0.0.1; TLS engines with certificates made by openssl.
[ -x /usr/sbin/sshd ] || missing+=(openssh-server)
command -v openssl >/dev/null 2>&1 || missing+=(openssl)
# The proxy tests put Debian's nginx in front of a console; the image test makes its base image with debootstrap.
[ -x /usr/sbin/nginx ] || missing+=(nginx)
[ -x /usr/sbin/debootstrap ] || missing+=(debootstrap)
# Repositories (restic) are tested against real servers; rclone also serves restic's REST protocol.
command -v restic >/dev/null 2>&1 || missing+=(restic)
command -v rclone >/dev/null 2>&1 || missing+=(rclone)
# /metrics is checked by Prometheus's own parser (promtool, in Debian's prometheus package).
command -v promtool >/dev/null 2>&1 || missing+=(prometheus)
# `npm start` (scripts/start.sh) runs the console with jemalloc where installed; the test run starts it so too.
/sbin/ldconfig -p 2>/dev/null | grep -q 'libjemalloc\.so\.2 ' || missing+=(libjemalloc2)
# The tests use the docker CLI to make scenarios; docker.io brings one too.
command -v docker >/dev/null 2>&1 || missing+=(docker.io)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "install-test-deps: installing ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $(printf '%s\n' "${missing[@]}" | sort -u) >/dev/null
fi
echo "install-test-deps: dockerd $(dockerd --version | cut -d' ' -f3 | tr -d ,), busybox-static, chromium, sshd, openssl, nginx, debootstrap, restic, rclone, promtool, jemalloc ready"
