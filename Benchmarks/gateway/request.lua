-- wrk script: POSTs one OpenAI-style chat completion for the model in BENCH_MODEL and, when done, prints a
-- single "RESULT {json}" line with throughput and latency percentiles (microseconds) for run.sh to read.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"model":"' .. (os.getenv("BENCH_MODEL") or "bench-upstream") .. '","messages":[' ..
  '{"role":"system","content":"Answer in one short sentence."},' ..
  '{"role":"user","content":"What is a load balancer?"}]}'

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    'RESULT {"requests":%d,"seconds":%.3f,"non2xx":%d,"socket_errors":%d,' ..
    '"p50_us":%d,"p90_us":%d,"p99_us":%d,"max_us":%d}\n',
    summary.requests, summary.duration / 1e6, errors.status,
    errors.connect + errors.read + errors.write + errors.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
end
