#!/usr/bin/env bash
# Runs a command inside a throwaway network namespace, for media tests (docs: shared MEDIA.md).
# Janus never gathers ICE candidates on loopback, so media needs a real interface; this namespace has lo
# (signalling on 127.0.0.1) and a veth pair whose both ends live inside it, with an address that exists only
# there. Nothing can leave the namespace: it has no route out. Needs root (or CAP_SYS_ADMIN + CAP_NET_ADMIN).
#   tests/Briefings.Media.Tests/netns-run.sh dotnet test tests/Briefings.Media.Tests --no-build
# The command sees BRIEFINGS_MEDIA_IFACE and BRIEFINGS_MEDIA_IP (Janus's ice_enforce_list and interface).
set -euo pipefail
export BRIEFINGS_MEDIA_IFACE=bm0 BRIEFINGS_MEDIA_IP=10.77.0.1
exec unshare -n bash -c '
  set -e
  ip link set lo up
  ip link add bm0 type veth peer name bm1
  ip addr add 10.77.0.1/24 dev bm0
  sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
  ip link set bm1 up
  ip link set bm0 up
  exec "$@"' netns-run "$@"
