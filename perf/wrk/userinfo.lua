-- GET /oauth2/userinfo with a Bearer token from a pool of live access tokens.
local tokens = {}
for line in io.lines(os.getenv("BENCH_TOKENS")) do tokens[#tokens + 1] = line end
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", "/oauth2/userinfo", { ["Authorization"] = "Bearer " .. tokens[(i % #tokens) + 1] })
end
dofile(os.getenv("BENCH_DIR") .. "/wrk/report.lua")
