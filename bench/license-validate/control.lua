-- wrk script: GET /api/v1/licenses/public-key (no database), printing the same RESULT line as validate.lua.
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "../lib/wrk-result.lua")
function done(summary, latency, requests)
  print_result(summary, latency, "non2xx", summary.errors.status)
end
