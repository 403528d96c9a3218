-- The RESULT line every wrk script of the benches prints and bench/lib/common.sh's bench_result_field reads:
-- requests, failed answers under the caller's name (non2xx, unexpected), socket errors, throughput and latency.
function print_result(summary, latency, failed_name, failed)
  io.write(string.format("RESULT requests=%d %s=%d errors=%d rps=%.1f p50_ms=%.2f p99_ms=%.2f\n",
    summary.requests, failed_name, failed, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
