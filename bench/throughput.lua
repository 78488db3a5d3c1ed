-- The throughput runs of bench/run.py, for wrk: its connections go round the paths given
-- after "--" (the first argument is "bust" or "same": with "bust", each request has a query
-- string of its own, so that a page cache misses; the second one names the run, so that its
-- query strings are not those of an earlier run), then the figures are printed as JSON.

local paths = {}
local bust = false
local run = ""
local counter = 0

function init(args)
  bust = args[1] == "bust"
  run = args[2]
  for index = 3, #args do
    paths[#paths + 1] = args[index]
  end
end

function request()
  counter = counter + 1
  local path = paths[(counter - 1) % #paths + 1]
  if bust then
    local separator = path:find("?", 1, true) and "&" or "?"
    path = path .. separator .. "_bench=" .. run .. "-" .. counter
  end
  return wrk.format("GET", path)
end

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    '{"requests": %d, "microseconds": %d, "p50_us": %d, "p99_us": %d, '
      .. '"connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    errors.connect, errors.read, errors.write, errors.status, errors.timeout
  ))
end
