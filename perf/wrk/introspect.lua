-- POST /oauth2/introspect over a pool of live access tokens (one file line each).
local tokens = {}
for line in io.lines(os.getenv("BENCH_TOKENS")) do tokens[#tokens + 1] = line end
local i = 0
request = function()
  i = i + 1
  local token = tokens[(i % #tokens) + 1]
  return wrk.format("POST", "/oauth2/introspect", {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Authorization"] = "Basic " .. os.getenv("BENCH_BASIC")
  }, "token=" .. token)
end
dofile(os.getenv("BENCH_DIR") .. "/wrk/report.lua")
