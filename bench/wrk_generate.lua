-- wrk script: POST /api/generate with a new seed on every request, so that
-- nothing can be served from a cache. BARS sets the length (default 30).
local bars = tonumber(os.getenv("BARS") or "30")
local counter = 0
local thread_offset = 0

function setup(thread)
  thread:set("thread_offset", math.random(1, 1000000))
end

function init(args)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  counter = counter + 1
  local seed = (thread_offset * 7919 + counter) % 2147483647
  local body = string.format('{"bars":%d,"temperature":0.9,"topP":0.95,"seed":%d}', bars, seed)
  return wrk.format(nil, nil, nil, body)
end
