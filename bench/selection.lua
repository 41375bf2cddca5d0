-- wrk script: POST /api/v1/routing/selections with a random client position each request.
-- TOKEN (a bearer token with role client) comes from the environment.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. assert(os.getenv("TOKEN"), "set TOKEN to a bearer token")

local strategies = { "LATENCY", "BALANCED", "LOAD", "PERFORMANCE" }

request = function()
  local body = string.format(
    '{"requirements":{"runtime":"python","cpuCores":2,"memoryMb":2048},"privacyLevel":"P2P",' ..
    '"clientCoordinate":{"x":%d,"y":%d,"z":%d},"k":3,"strategy":"%s"}',
    math.random(-200, 200), math.random(-200, 200), math.random(-200, 200), strategies[math.random(1, 4)])
  return wrk.format(nil, nil, nil, body)
end

-- wrk counts answers other than 2xx/3xx as errors.status; a run with any of them measured the wrong thing.
done = function(summary, latency, requests)
  io.write(string.format("non-2xx answers: %d of %d\n", summary.errors.status, summary.requests))
end
