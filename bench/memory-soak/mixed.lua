-- wrk script: the license API's mixed traffic over a fixed population, so that nothing the server is meant to keep
-- grows with time (licenses, client addresses, remembered keys): of every 20 requests, 15 validate, 2 heartbeat,
-- 2 trial for a machine that already has one (409 TRIAL_ALREADY_EXISTS, expected), 1 admin stats.
-- Args: licenses file (machine_id license_key per line), admin API key, pause per connection in ms.
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "../lib/wrk-result.lua")
local bodies, trials = {}, {}
local n, pause = 0, 0
local admin_key
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  for line in io.lines(args[1]) do
    local machine, key = line:match("^(%x+) (%S+)$")
    if machine then
      n = n + 1
      bodies[n] = '{"machine_id":"' .. machine .. '","license_key":"' .. key .. '"}'
      trials[n] = '{"machine_id":"' .. machine .. '","email":"bench-' .. machine .. '@exemple.fr"}'
    end
  end
  admin_key = args[2]
  pause = tonumber(args[3] or "0")
  unexpected = 0
end

function delay()
  return pause
end

local i, step = 0, 0
local json = { ["Content-Type"] = "application/json" }
function request()
  i = i % n + 1
  step = step % 20 + 1
  if step <= 15 then
    return wrk.format("POST", "/api/v1/licenses/validate", json, bodies[i])
  elseif step <= 17 then
    return wrk.format("POST", "/api/v1/licenses/heartbeat", json, bodies[i])
  elseif step <= 19 then
    return wrk.format("POST", "/api/v1/licenses/trial", json, trials[i])
  end
  return wrk.format("GET", "/api/v1/admin/stats", { ["X-Api-Key"] = admin_key }, nil)
end

function response(status, headers, body)
  if status >= 300 and not (status == 409 and body:find("TRIAL_ALREADY_EXISTS", 1, true)) then
    unexpected = unexpected + 1
  end
end

function done(summary, latency, requests)
  local bad = 0
  for _, thread in ipairs(threads) do
    bad = bad + thread:get("unexpected")
  end
  print_result(summary, latency, "unexpected", bad)
end
