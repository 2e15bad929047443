-- Replays pre-built requests, each at most once (or round and round with "cycle").
--
-- wrk -s replay.lua URL -- FILE THREADS MODE
--   FILE     one request per line: METHOD \t PATH \t BODY \t Header: value \t Header: value ...
--   THREADS  the -t given to wrk (thread k takes lines k, k+THREADS, ...)
--   MODE     "once": a thread that has sent all its requests stops (a CAPTCHA solution, a flow
--            token and a code work once, so replaying one would measure a refusal);
--            "cycle": start again from the first (sign-in floods, Django's reset requests).
--
-- done() prints one line "WRK_JSON {...}" with the summary, latency percentiles (µs), the
-- status codes seen, how many 503 answers carried Retry-After, whether a thread ran dry, and
-- the time from the first request to the last answer (active_us).

local threads = {}
local next_id = 1

-- wrk's own duration is always the -d given, even when every thread stopped early; the
-- threads keep their own wall clock (LuaJIT's FFI) so that a short phase is measured as such.
local ffi = require("ffi")
ffi.cdef[[
  typedef struct { long tv_sec; long tv_usec; } bench_timeval;
  int gettimeofday(bench_timeval *tv, void *tz);
]]
local tv = ffi.new("bench_timeval")
local function now_us()
  ffi.C.gettimeofday(tv, nil)
  return tonumber(tv.tv_sec) * 1000000 + tonumber(tv.tv_usec)
end

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

local function split(line, sep)
  local out, start = {}, 1
  while true do
    local i = string.find(line, sep, start, true)
    if not i then
      table.insert(out, string.sub(line, start))
      return out
    end
    table.insert(out, string.sub(line, start, i - 1))
    start = i + 1
  end
end

function init(args)
  local file, nthreads = args[1], tonumber(args[2])
  cycle = args[3] == "cycle"
  requests = {}
  local n = 0
  for line in io.lines(file) do
    if line ~= "" and n % nthreads == id - 1 then
      local f = split(line, "\t")
      local headers = {}
      for k = 4, #f do
        local name, value = string.match(f[k], "^([^:]+):%s*(.*)$")
        if name then headers[name] = value end
      end
      local body = f[3]
      if body == "" then body = nil end
      table.insert(requests, wrk.format(f[1], f[2], headers, body))
    end
    n = n + 1
  end
  position = 1
  first_us = 0
  last_us = 0
  exhausted = 0
  retry_after = 0
  status_counts = {}
end

function request()
  if position > #requests then
    if cycle and #requests > 0 then
      position = 1
    else
      -- Every prepared request was sent: stop this thread rather than replay one.
      exhausted = 1
      wrk.thread:stop()
      return requests[#requests] or wrk.format("GET", "/")
    end
  end
  if first_us == 0 then first_us = now_us() end
  local r = requests[position]
  position = position + 1
  return r
end

function response(status, headers, body)
  last_us = now_us()
  status_counts[status] = (status_counts[status] or 0) + 1
  if status == 503 and (headers["retry-after"] ~= nil or headers["Retry-After"] ~= nil) then
    retry_after = retry_after + 1
  end
  -- A flat string travels between wrk's Lua states more simply than a table.
  local parts = {}
  for code, count in pairs(status_counts) do
    table.insert(parts, code .. "=" .. count)
  end
  statuses = table.concat(parts, ",")
end

function done(summary, latency, requests)
  local statuses, retry, dry, active = {}, 0, 0, 0
  for _, thread in ipairs(threads) do
    local first, last = thread:get("first_us") or 0, thread:get("last_us") or 0
    if first > 0 and last - first > active then active = last - first end
    local s = thread:get("statuses") or ""
    for code, count in string.gmatch(s, "(%d+)=(%d+)") do
      statuses[code] = (statuses[code] or 0) + tonumber(count)
    end
    retry = retry + (thread:get("retry_after") or 0)
    dry = dry + (thread:get("exhausted") or 0)
  end
  local codes = {}
  for code, count in pairs(statuses) do
    table.insert(codes, string.format('"%s":%d', code, count))
  end
  local e = summary.errors
  io.write(string.format(
    'WRK_JSON {"duration_us":%d,"requests":%d,"bytes":%d,' ..
    '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},' ..
    '"latency_us":{"min":%d,"mean":%.1f,"stdev":%.1f,"max":%d,"p50":%d,"p90":%d,"p99":%d,"p999":%d},' ..
    '"statuses":{%s},"retry_after":%d,"threads_exhausted":%d,"threads":%d,"active_us":%d}\n',
    summary.duration, summary.requests, summary.bytes,
    e.connect, e.read, e.write, e.status, e.timeout,
    latency.min, latency.mean, latency.stdev, latency.max,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency:percentile(99.9),
    table.concat(codes, ","), retry, dry, #threads, active))
end
