-- wrk script: starts trials for fresh machine ids and writes each issued license key to a file, until the count
-- asked for is reached. Args: output file, number of licenses, a 16-hex-digit prefix for this run's machine ids.
local out, wanted, prefix
local issued, sent = 0, 0

function init(args)
  out = io.open(args[1], "w")
  wanted = tonumber(args[2])
  prefix = args[3]
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  sent = sent + 1
  local machine = prefix .. string.format("%016x", sent)
  return wrk.format(nil, "/api/v1/licenses/trial", nil,
    '{"machine_id":"' .. machine .. '","email":"bench-' .. machine .. '@exemple.fr"}')
end

function response(status, headers, body)
  local key = body:match('"license_key":"([^"]+)"')
  if status == 201 and key then
    out:write(key, "\n")
    issued = issued + 1
    if issued >= wanted then
      -- wrk runs for its whole duration whatever its threads do; the count is what matters here.
      out:close()
      os.exit(0)
    end
  end
end
