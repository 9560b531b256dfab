-- wrk script for load_test.sh: POSTs the JSON body in the file named by the environment variable
-- BODY to /predict, and prints the figures of the run as `name value unit` lines.
local file = assert(io.open(os.getenv("BODY"), "rb"))
wrk.method = "POST"
wrk.path = "/predict"
wrk.body = file:read("*a")
wrk.headers["Content-Type"] = "application/json"
file:close()

function done(summary, latency, requests)
   local seconds = summary.duration / 1e6
   local errors = summary.errors
   io.write(string.format("requests %d count\n", summary.requests))
   io.write(string.format("seconds %.2f s\n", seconds))
   io.write(string.format("throughput %.1f requests/s\n", summary.requests / seconds))
   for _, p in ipairs({ 50, 90, 99 }) do
      io.write(string.format("latency_p%d %.2f ms\n", p, latency:percentile(p) / 1000))
   end
   io.write(string.format("latency_max %.2f ms\n", latency.max / 1000))
   -- `status` counts responses with a status of 400 or more; /predict never redirects.
   io.write(string.format("non_2xx %d count\n", errors.status))
   io.write(string.format("socket_errors %d count\n", errors.connect + errors.read + errors.write + errors.timeout))
end
