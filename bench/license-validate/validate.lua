-- wrk script: POST /api/v1/licenses/validate, cycling through the seeded (machine_id, license_key) pairs.
local pairs_ = {}
local n = 0

function init(args)
  for line in io.lines(args[1]) do
    local machine, key = line:match("^(%x+) (%S+)$")
    if machine then
      n = n + 1
      pairs_[n] = '{"machine_id":"' .. machine .. '","license_key":"' .. key .. '"}'
    end
  end
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end

local i = 0
function request()
  i = i % n + 1
  return wrk.format(nil, "/api/v1/licenses/validate", nil, pairs_[i])
end

function done(summary, latency, requests)
  io.write(string.format("RESULT requests=%d non2xx=%d errors=%d rps=%.1f p50_ms=%.2f p99_ms=%.2f\n",
    summary.requests, summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
