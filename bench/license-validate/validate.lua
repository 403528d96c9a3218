-- wrk script: POST /api/v1/licenses/validate, cycling through the seeded (machine_id, license_key) pairs.
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "../lib/wrk-result.lua")
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
  print_result(summary, latency, "non2xx", summary.errors.status)
end
