-- wrk script: POST /api/invoices (multipart) of one PDF, paced: each connection waits between uploads, so OCR keeps
-- up and the soak measures memory, not a growing backlog. Args: PDF file, tenant API key, pause in ms.
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "../lib/wrk-result.lua")
local body, headers
local pause = 0
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  local file = assert(io.open(args[1], "rb"))
  local pdf = file:read("*a")
  file:close()
  local boundary = "memorysoak7d3f0a"
  body = "--" .. boundary .. "\r\n"
    .. 'Content-Disposition: form-data; name="file"; filename="facture.pdf"\r\n'
    .. "Content-Type: application/pdf\r\n\r\n" .. pdf .. "\r\n--" .. boundary .. "--\r\n"
  headers = { ["X-Api-Key"] = args[2], ["Content-Type"] = "multipart/form-data; boundary=" .. boundary }
  pause = tonumber(args[3] or "250")
  unexpected = 0
end

function delay()
  return pause
end

function request()
  return wrk.format("POST", "/api/invoices", headers, body)
end

function response(status)
  if status >= 300 then
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
