-- wrk script: POST /api/v1/routing/selections with a random client position each request.
-- TOKEN (a bearer token with role client) comes from the environment.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")

local strategies = { "LATENCY", "BALANCED", "LOAD", "PERFORMANCE" }

request = function()
  local body = string.format(
    '{"requirements":{"runtime":"python","cpuCores":2,"memoryMb":2048},"privacyLevel":"P2P",' ..
    '"clientCoordinate":{"x":%d,"y":%d,"z":%d},"k":3,"strategy":"%s"}',
    math.random(-200, 200), math.random(-200, 200), math.random(-200, 200), strategies[math.random(1, 4)])
  return wrk.format(nil, nil, nil, body)
end
