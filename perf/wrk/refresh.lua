-- Rotating refresh: every request presents a refresh token that has not been used yet, and the refresh token in each
-- response goes back into the thread's pool. With one request in flight per connection, a pool as large as the
-- connection count means each connection always presents a token received from an earlier response.
local pool = {}
thread_index = 0  -- set per thread by setup() through thread:set (must be a global)
local counter = 0

setup = function(thread)
  counter = counter + 1
  thread:set("thread_index", counter)
end

init = function(args)
  local all = {}
  for line in io.lines(os.getenv("BENCH_REFRESH_TOKENS")) do all[#all + 1] = line end
  local threads = tonumber(os.getenv("BENCH_THREADS"))
  for n = 1, #all do
    if (n - 1) % threads == thread_index - 1 then pool[#pool + 1] = all[n] end
  end
end

request = function()
  local token = table.remove(pool)
  if token == nil then token = "exhausted" end
  return wrk.format("POST", "/oauth2/token", {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Authorization"] = "Basic " .. os.getenv("BENCH_BASIC")
  }, "grant_type=refresh_token&refresh_token=" .. token)
end

response = function(status, headers, body)
  local token = body:match('"refresh_token":"([^"]+)"')
  if token then pool[#pool + 1] = token end
end
dofile(os.getenv("BENCH_DIR") .. "/wrk/report.lua")
