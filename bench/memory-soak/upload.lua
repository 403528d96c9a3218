-- wrk script: POST /api/invoices (multipart) of one PDF, paced: each connection waits between uploads, so OCR keeps
-- up and the soak measures memory, not a growing backlog. Args: PDF file, tenant API key, pause in ms.
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
  io.write(string.format("RESULT requests=%d unexpected=%d errors=%d rps=%.1f p50_ms=%.2f p99_ms=%.2f\n",
    summary.requests, bad, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
