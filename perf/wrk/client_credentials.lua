-- POST /oauth2/token grant_type=client_credentials with client_secret_basic.
wrk.method = "POST"
wrk.path = "/oauth2/token"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Authorization"] = "Basic " .. os.getenv("BENCH_BASIC")
wrk.body = "grant_type=client_credentials&scope=profile"
dofile(os.getenv("BENCH_DIR") .. "/wrk/report.lua")
