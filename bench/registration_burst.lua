-- wrk script for bench/registration_burst.py's throughput run: every request is a new
-- registration (a unique address per thread and request) for the event "throughput".
local counter = 0

function setup(thread)
  thread:set("prefix", tostring(math.random(1, 1000000000)))
end

function request()
  counter = counter + 1
  local id = prefix .. "-" .. counter
  local body = '{"name": "Deltager ' .. id .. '", "email": "w' .. id .. '@example.org", "category": "official"}'
  return wrk.format("POST", "/api/v1/events/throughput/registrations",
    {["Content-Type"] = "application/json"}, body)
end
