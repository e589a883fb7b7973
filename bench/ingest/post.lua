-- wrk script: POSTs pre-signed OneBot events to /webhook/onebot.
-- Arguments (after --): FILE THREADS. FILE holds "<X-Signature>\t<body>" lines (ingest/events.py); thread k of
-- THREADS posts lines k, k+THREADS, ... so no two requests of a run carry the same message id. A thread that
-- runs out of lines starts over and counts it as "wrapped" (a redelivery, which would flatter the numbers:
-- the script fails the run when that happens). done() prints one machine-readable RESULT line.
local threads = {}
local next_id = 0

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

function init(args)
  local file, count = args[1], tonumber(args[2])
  sigs, bodies = {}, {}
  local n = 0
  for line in io.lines(file) do
    if n % count == id then
      local tab = line:find("\t", 1, true)
      table.insert(sigs, line:sub(1, tab - 1))
      table.insert(bodies, line:sub(tab + 1))
    end
    n = n + 1
  end
  i, ok2xx, other, wrapped = 0, 0, 0, 0
end

function request()
  i = i + 1
  if i > #bodies then
    i, wrapped = 1, wrapped + 1
  end
  return wrk.format("POST", "/webhook/onebot",
    { ["Content-Type"] = "application/json", ["X-Signature"] = sigs[i] }, bodies[i])
end

function response(status, headers, body)
  if status >= 200 and status < 300 then ok2xx = ok2xx + 1 else other = other + 1 end
end

function done(summary, latency, requests)
  local ok, bad, wrap = 0, 0, 0
  for _, t in ipairs(threads) do
    ok, bad, wrap = ok + t:get("ok2xx"), bad + t:get("other"), wrap + t:get("wrapped")
  end
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d rps=%.1f p50_ms=%.2f p99_ms=%.2f ok2xx=%d non2xx=%d socket_errors=%d wrapped=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, ok, bad, e.connect + e.read + e.write + e.timeout, wrap))
end
