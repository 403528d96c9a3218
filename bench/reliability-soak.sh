#!/usr/bin/env bash
# The long soak: mixed validate/heartbeat/trial traffic with uploads and inbox drops against SelfHost as a real
# process, default 10 minutes. Prints requests by status, p50/p99 per endpoint, invoices final, RSS growth.
# Usage: bench/reliability-soak.sh [seconds, default 600]
set -euo pipefail
RELIABILITY_SOAK_SECONDS="${1:-600}" exec "$(dirname "$0")/reliability-drills.sh" SoakTests
